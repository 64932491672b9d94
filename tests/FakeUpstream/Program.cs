using System.Globalization;
using LlmPlatform.FakeUpstream;

// Runs the fake as its own process (for the benchmark): --port N --words N --word-length N --latency-ms N --record
var port = 0;
var options = new FakeUpstreamOptions { Record = false };
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--words":
            options = options with { AnswerWords = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--word-length":
            options = options with { WordLength = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--latency-ms":
            options = options with { FixedLatency = TimeSpan.FromMilliseconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) };
            break;
        case "--record":
            options = options with { Record = true };
            break;
        default:
            break;
    }
}

await using var server = await FakeUpstreamServer.StartAsync(options, port);
Console.WriteLine($"fake upstream listening on {server.BaseUrl}");
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    done.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => done.TrySetResult();

// The web host takes SIGTERM for itself (no ProcessExit follows), so listen for it too or the process lingers.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    _ => done.TrySetResult());
await done.Task;

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmPlatform.Bench.Runner;

/// <summary>Runs <c>wrk -t1 -cN -dNs --latency -s chat.lua</c> and reads its report.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string script, Uri url, int connections, int seconds, IReadOnlyList<string> scriptArgs, Action? sample = null)
    {
        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s", "-s", script, url.ToString(), "--" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in scriptArgs)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new BenchException("wrk could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30));
        var exited = process.WaitForExitAsync(limit.Token);
        while (!exited.IsCompleted)
        {
            sample?.Invoke();
            await Task.WhenAny(exited, Task.Delay(250)).ConfigureAwait(false);
        }

        if (!process.HasExited)
        {
            process.Kill();
            throw new BenchException($"wrk did not finish a {seconds} s run against {url}.");
        }

        var text = await output.ConfigureAwait(false);
        await errors.ConfigureAwait(false);
        return Parse(text);
    }

    public static WrkResult Parse(string text)
    {
        var requests = RequestsLine().Match(text);
        var rps = RpsLine().Match(text);
        if (!requests.Success || !rps.Success)
        {
            return WrkResult.Failed;
        }

        double Percentile(string p)
        {
            var m = Regex.Match(text, $@"^\s*{p}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
            return m.Success ? ToMicroseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
        }

        var non2xx = Non2xxLine().Match(text);
        var socket = SocketLine().Match(text);
        long socketErrors = 0;
        if (socket.Success)
        {
            for (var g = 1; g <= 4; g++)
            {
                socketErrors += long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture);
            }
        }

        return new WrkResult
        {
            Requests = long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            RequestsPerSecond = double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            P50Us = Percentile("50"),
            P99Us = Percentile("99"),
            Non2xx = non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            SocketErrors = socketErrors,
        };
    }

    private static double ToMicroseconds(string value, string unit)
    {
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => v,
            "ms" => v * 1_000,
            "s" => v * 1_000_000,
            _ => v * 60_000_000,
        };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RpsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketLine();
}

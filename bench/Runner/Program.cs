using LlmPlatform.Bench.Runner;

// The load benchmark behind ./build.sh --target=Bench. Exits non-zero only when the harness itself fails;
// a missed target is reported in the results, not as a failure.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("bench: " + ex.Message);
    return 2;
}

var databaseUrl = Environment.GetEnvironmentVariable("DATABASE_URL");
var redisUrl = Environment.GetEnvironmentVariable("REDIS_URL");
if (string.IsNullOrEmpty(databaseUrl) || string.IsNullOrEmpty(redisUrl))
{
    Console.Error.WriteLine("bench: DATABASE_URL and REDIS_URL must be set (./build.sh --target=Bench sets them).");
    return 2;
}

if (PortkeyInstaller.Which("wrk") is null)
{
    Console.Error.WriteLine("bench: wrk is not installed (apt-get install wrk).");
    return 2;
}

var date = DateTimeOffset.UtcNow;
using var run = new BenchRun(options, databaseUrl, redisUrl);
Measurements measurements;
try
{
    measurements = await run.RunAsync();
}
catch (Exception ex) when (ex is BenchException or HttpRequestException or IOException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    Console.Error.WriteLine($"bench: the processes' logs are in {run.LogFolder}");
    return 1;
}

var report = Report.Build(measurements, options, MachineInfo.Describe(), date);
var output = options.OutputPath ?? Path.Combine(options.Root, "bench", "results", "latest.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report);
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Written to {output}; the processes' logs are in {run.LogFolder}.");
if (options.UpdateReadme && options.OutputPath is null
    && Report.UpdateReadme(Path.Combine(options.Root, "README.md"), Report.Summary(measurements, options, MachineInfo.Describe(), date)))
{
    Console.WriteLine("The README's benchmark summary was updated.");
}
return 0;

// LlmPlatform build: ./build.sh --target=Run|Test|Bench|Client
using System.Text.RegularExpressions;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./LlmPlatform.sln";

// Starts (or reuses) PostgreSQL and Redis for a mode and returns DATABASE_URL and REDIS_URL.
Dictionary<string, string> EnsureServices(string mode)
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = $"scripts/services.sh ensure {mode}" });
    if (exit != 0)
    {
        throw new Exception($"PostgreSQL and Redis could not be made ready (scripts/services.sh exited {exit}).");
    }

    var env = new Dictionary<string, string>();
    foreach (var line in System.IO.File.ReadAllLines($".local/{mode}.env"))
    {
        var eq = line.IndexOf('=');
        if (eq > 0)
        {
            env[line.Substring(0, eq)] = line.Substring(eq + 1);
        }
    }

    return env;
}

// Installs a Debian package when its command is missing and we may (root with apt-get); otherwise says how.
void EnsureTool(string command, string packages)
{
    if (StartProcess("bash", new ProcessSettings { Arguments = $"-c \"command -v {command}\"", RedirectStandardOutput = true }) == 0)
    {
        return;
    }

    if (StartProcess("bash", new ProcessSettings { Arguments = "-c \"test $(id -u) -eq 0 && command -v apt-get\"", RedirectStandardOutput = true }) != 0)
    {
        throw new Exception($"{command} is missing: sudo apt-get install -y {packages}");
    }

    Information($"Installing {packages} (Debian packages) ...");
    StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq" });
    if (StartProcess("apt-get", new ProcessSettings { Arguments = $"install -y -qq {packages}" }) != 0)
    {
        throw new Exception($"apt-get install {packages} failed.");
    }
}

Task("Restore")
    .Does(() => DotNetRestore(solution));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test")
    .Description("Starts PostgreSQL and Redis (a separate test database), then runs every test.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var env = EnsureServices("test");
    var results = MakeAbsolute(Directory(".local/test-results"));
    CleanDirectory(results);
    var failed = false;
    try
    {
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            EnvironmentVariables = env,
            ResultsDirectory = results,
            Loggers = { "trx", "console;verbosity=minimal" },
        });
    }
    catch (Exception)
    {
        failed = true;
    }

    int passed = 0, failedCount = 0, skipped = 0;
    foreach (var trx in GetFiles($"{results}/**/*.trx"))
    {
        var text = System.IO.File.ReadAllText(trx.FullPath);
        var counters = Regex.Match(text, "<Counters [^>]*>");
        int Read(string name) => int.Parse(Regex.Match(counters.Value, name + "=\"(\\d+)\"").Groups[1].Value);
        passed += Read("passed");
        failedCount += Read("failed");
        skipped += Read("notExecuted");
    }

    // A plain line (no colour) that CI reads as the summary.
    Console.WriteLine($"{passed} passed, {failedCount} failed, {skipped} skipped");
    if (failed || failedCount > 0)
    {
        throw new Exception("Tests failed.");
    }
});

Task("Run")
    .Description("Starts PostgreSQL and Redis, applies migrations and serves the API on http://127.0.0.1:4000 with config/demo.yaml.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var env = EnsureServices("run");
    var masterKey = EnvironmentVariable("LLMPLATFORM_MASTER_KEY");
    if (string.IsNullOrEmpty(masterKey))
    {
        var match = Regex.Match(System.IO.File.ReadAllText("config/demo.yaml"), @"master_key:\s*(\S+)");
        masterKey = match.Success ? match.Groups[1].Value : "(none)";
    }

    Information("");
    Information("LlmPlatform is starting on http://127.0.0.1:4000 (Ctrl+C stops it).");
    Information($"Master key: {masterKey}");
    Information("Try a chat completion:");
    Information($"  curl http://127.0.0.1:4000/v1/chat/completions -H 'Authorization: Bearer {masterKey}' -H 'Content-Type: application/json' -d '{{\"model\":\"gpt-4o-mini\",\"messages\":[{{\"role\":\"user\",\"content\":\"Hello!\"}}]}}'");
    Information("API documentation: http://127.0.0.1:4000/docs");
    Information("");
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"run --project src/Api -c {configuration} --no-build -- --urls http://127.0.0.1:4000 --config config/demo.yaml",
        EnvironmentVariables = env,
    });
    if (exit != 0)
    {
        throw new Exception($"The API exited with code {exit}.");
    }
});

Task("Bench")
    .Description("Load benchmark: direct vs. a bare YARP proxy vs. LlmPlatform vs. Portkey's gateway; writes bench/results/latest.md. --quick for a short smoke run.")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureTool("wrk", "wrk");
    EnsureTool("node", "nodejs npm");

    var env = EnsureServices("bench");
    var args = $"bench/Runner/bin/{configuration}/net10.0/LlmPlatform.Bench.Runner.dll --root . --configuration {configuration}";
    if (HasArgument("quick"))
    {
        args += " --quick";
    }

    if (HasArgument("duration"))
    {
        args += $" --duration {Argument<int>("duration")}";
    }

    if (HasArgument("target-rounds"))
    {
        args += $" --target-rounds {Argument<int>("target-rounds")}";
    }

    if (HasArgument("no-peer"))
    {
        args += " --no-peer";
    }

    if (HasArgument("note"))
    {
        args += $" --note \"{Argument<string>("note").Replace("\"", "'")}\"";
    }

    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = args, EnvironmentVariables = env });
    if (exit != 0)
    {
        throw new Exception($"The benchmark harness failed (exit {exit}); see .local/bench/ for the processes' logs.");
    }
});

Task("Micro")
    .Description("BenchmarkDotNet micro-benchmarks of the hot path (bench/Micro), short in-process runs with allocations per operation. --filter=PATTERN to pick some.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var filter = Argument("filter", "*");
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"bench/Micro/bin/{configuration}/net10.0/LlmPlatform.Micro.dll --filter \"{filter}\" --artifacts .local/micro",
    });
    if (exit != 0)
    {
        throw new Exception($"The micro-benchmarks failed (exit {exit}).");
    }
});

Task("Client")
    .Description("Regenerates the typed C# client in clients/LlmPlatform.Client from the running API's /openapi.json, with NSwag.")
    .IsDependentOn("Restore")
    .Does(() =>
{
    // Only the API is built first: the tests may not compile until the client they use is regenerated.
    DotNetBuild("src/Api/LlmPlatform.Api.csproj", new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
    var env = EnsureServices("client");
    var port = 4010;
    var settings = new ProcessSettings
    {
        Arguments = $"src/Api/bin/{configuration}/net10.0/LlmPlatform.Api.dll --urls http://127.0.0.1:{port} --config config/demo.yaml",
        EnvironmentVariables = env,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using (var api = StartAndReturnProcess("dotnet", settings))
    using (var http = new System.Net.Http.HttpClient())
    {
        string document = null;
        for (var i = 0; i < 120 && document == null; i++)
        {
            try
            {
                document = http.GetStringAsync($"http://127.0.0.1:{port}/openapi.json").GetAwaiter().GetResult();
            }
            catch (System.Net.Http.HttpRequestException)
            {
                System.Threading.Thread.Sleep(500);
            }
        }

        api.Kill();
        if (document == null)
        {
            throw new Exception("The API did not serve /openapi.json.");
        }

        System.IO.File.WriteAllText("clients/LlmPlatform.Client/openapi.json", document);
    }

    DotNetMSBuild("clients/LlmPlatform.Client/LlmPlatform.Client.csproj", new DotNetMSBuildSettings().WithTarget("GenerateClient"));

    // Free-form JSON bodies are System.Text.Json.JsonElement, a struct that cannot be null: drop NSwag's null checks
    // of request bodies (a missing body is the server's to reject, with a 400 in the envelope).
    var generated = "clients/LlmPlatform.Client/LlmPlatformClient.g.cs";
    var code = System.IO.File.ReadAllText(generated);
    code = Regex.Replace(code, @"if \(body == null\)\s*throw new System\.ArgumentNullException\(""body""\);\s*", string.Empty);
    System.IO.File.WriteAllText(generated, code);
    DotNetBuild("clients/LlmPlatform.Client/LlmPlatform.Client.csproj", new DotNetBuildSettings { Configuration = configuration });
    Information("Client regenerated: clients/LlmPlatform.Client/LlmPlatformClient.g.cs");
});

RunTarget(target);

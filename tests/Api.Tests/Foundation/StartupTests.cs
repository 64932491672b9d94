using System.Diagnostics;
using LlmPlatform.Api.Hosting;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>The API process started the way operators start it: failures end it with one clear line.</summary>
public sealed class StartupTests
{
    private static string ApiDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "LlmPlatform.Api.dll");

    private static async Task<(int ExitCode, string StdErr)> RunApiAsync(string configPath, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configPath);
        start.Environment.Remove("DATABASE_URL");
        start.Environment.Remove("REDIS_URL");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stderr).Trim());
    }

    private static string WriteConfig(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"llmplatform-startup-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Test]
    public async Task Start_WithUnreachablePostgres_RetriesThenExitsWithOneLine()
    {
        var config = WriteConfig("model_list: []\n");
        var watch = Stopwatch.StartNew();
        var (exit, stderr) = await RunApiAsync(config, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgresql://nobody:secret-password@127.0.0.1:1/none",
            ["LLMPLATFORM_DB_STARTUP_TIMEOUT"] = "3",
        });

        exit.Should().Be(ApiHost.DatabaseExitCode);
        stderr.Split('\n').Should().ContainSingle().Which.Should().Contain("cannot reach PostgreSQL at 127.0.0.1:1/none");
        stderr.Should().NotContain("secret-password");
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(2.5), "it retries until the deadline");
    }

    [Test]
    public async Task Start_WithBadConfigValue_ExitsNamingTheKeyAndLine()
    {
        var config = WriteConfig("model_list:\n  - model_name: m\n    litellm_params:\n      model: mock/m\n      rpm: lots\n");
        var (exit, stderr) = await RunApiAsync(config, new Dictionary<string, string> { ["DATABASE_URL"] = "postgresql://u:p@127.0.0.1:1/x" });

        exit.Should().Be(ApiHost.ConfigExitCode);
        stderr.Split('\n').Should().ContainSingle().Which.Should().Contain(":5:").And.Contain("rpm");
    }

    [Test]
    public async Task Start_WithoutDatabaseUrl_ExitsWithOneLine()
    {
        var config = WriteConfig("model_list: []\n");
        var (exit, stderr) = await RunApiAsync(config, []);

        exit.Should().Be(ApiHost.ConfigExitCode);
        stderr.Should().Contain("DATABASE_URL");
    }

    [Test]
    public async Task Start_WithHalfConfiguredSso_ExitsNamingWhatIsMissing()
    {
        var config = WriteConfig("model_list: []\n");
        var (exit, stderr) = await RunApiAsync(config, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgresql://u:p@127.0.0.1:1/x",
            ["LLMPLATFORM_MASTER_KEY"] = "sk-master-startup-0123456789abcdef",
            ["GENERIC_CLIENT_ID"] = "client",
            ["GENERIC_TOKEN_ENDPOINT"] = "https://idp.example/token",
        });

        exit.Should().Be(ApiHost.ConfigExitCode);
        stderr.Should().Contain("GENERIC_CLIENT_SECRET").And.Contain("GENERIC_AUTHORIZATION_ENDPOINT").And.Contain("PROXY_BASE_URL").And.NotContain("GENERIC_TOKEN_ENDPOINT,");
    }
}

using System.Diagnostics;

namespace LlmPlatform.Bench.Runner;

/// <summary>
/// Installs Portkey's open-source gateway (the npm package) into a temporary folder that is deleted after the run.
/// <c>@hono/node-server</c> is held at 1.13.8: later versions hand the gateway immutable response headers and every
/// streamed answer fails with "TypeError: immutable" (Portkey-AI/gateway issue 1389).
/// </summary>
internal static class PortkeyInstaller
{
    public const string Version = "1.15.2";
    private const string NodeServerVersion = "1.13.8";

    /// <summary>Returns the gateway's start script, or an explanation of why it is not available.</summary>
    public static async Task<(string? Script, string? Problem)> InstallAsync(string folder, TextWriter log)
    {
        if (Which("node") is null || Which("npm") is null)
        {
            return (null, "node and npm are not installed (apt-get install nodejs npm)");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), $$"""
            {
              "name": "llmplatform-bench-peer",
              "private": true,
              "dependencies": { "@portkey-ai/gateway": "{{Version}}" },
              "overrides": { "@hono/node-server": "{{NodeServerVersion}}" }
            }
            """).ConfigureAwait(false);
        var info = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new BenchException("npm could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (null, "npm install did not finish within 5 minutes");
        }

        await log.WriteLineAsync(await output.ConfigureAwait(false)).ConfigureAwait(false);
        await log.WriteLineAsync(await errors.ConfigureAwait(false)).ConfigureAwait(false);
        var script = Path.Combine(folder, "node_modules", "@portkey-ai", "gateway", "build", "start-server.js");
        if (process.ExitCode != 0 || !File.Exists(script))
        {
            return (null, $"npm install of @portkey-ai/gateway@{Version} failed (exit {process.ExitCode})");
        }

        return (script, null);
    }

    public static string? Which(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}

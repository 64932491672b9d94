using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LlmPlatform.Bench.Runner;

/// <summary>Starts the upstreams and the targets, drives them in alternation, and collects the measurements.</summary>
internal sealed class BenchRun : IDisposable
{
    public const string Direct = "direct";
    public const string BareProxy = "bare proxy (YARP)";
    public const string LlmPlatform = "LlmPlatform";
    public const string Peer = "Portkey gateway";

    private const int AnswerWords = 50;
    private const int WordLength = 22;
    private const string UpstreamKey = "sk-bench-upstream";

    private readonly BenchOptions _options;
    private readonly string _databaseUrl;
    private readonly string _redisUrl;
    private readonly string _logs;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) };
    private readonly List<ManagedProcess> _processes = [];
    private readonly Measurements _m = new();
    private string? _collector;

    public BenchRun(BenchOptions options, string databaseUrl, string redisUrl)
    {
        _options = options;
        _databaseUrl = databaseUrl;
        _redisUrl = redisUrl;
        _logs = Path.Combine(options.Root, ".local", "bench");
        Directory.CreateDirectory(_logs);
    }

    public string LogFolder => _logs;

    public async Task<Measurements> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var peerFolder = Directory.CreateTempSubdirectory("llmplatform-bench-peer-");
        try
        {
            var targets = await StartTargetsAsync(peerFolder.FullName).ConfigureAwait(false);
            await SmokeAsync(targets).ConfigureAwait(false);
            await WarmUpAsync(targets).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            foreach (var target in targets.Where(t => t.Process is not null))
            {
                _m.IdleMb[target.Name] = target.Process!.ResidentMegabytes();
            }

            var llm = targets.Single(t => t.Name == LlmPlatform);
            var metrics = new Uri(llm.Fast.Url, "/metrics");
            var rowsBefore = await Ledger.CountRowsAsync(_databaseUrl).ConfigureAwait(false);
            var servedBefore = await Ledger.CountServedAsync(_http, metrics).ConfigureAwait(false);

            await LoadAsync(targets).ConfigureAwait(false);
            await FirstTokenAsync(targets).ConfigureAwait(false);
            await CheckLedgerAsync(metrics, rowsBefore, servedBefore, llm.Fast).ConfigureAwait(false);
            await CountExportsAsync().ConfigureAwait(false);
        }
        finally
        {
            foreach (var process in _processes)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                peerFolder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }

        _m.Elapsed = clock.Elapsed;
        return _m;
    }

    public void Dispose() => _http.Dispose();

    private async Task<List<Target>> StartTargetsAsync(string peerFolder)
    {
        var bin = (string project, string assembly) => Path.Combine(_options.Root, project, "bin", _options.Configuration, "net10.0", assembly);
        var fakeDll = bin("tests/FakeUpstream", "LlmPlatform.FakeUpstream.dll");
        var proxyDll = bin("bench/BareProxy", "LlmPlatform.BareProxy.dll");
        var apiDll = bin("src/Api", "LlmPlatform.Api.dll");
        foreach (var dll in new[] { fakeDll, proxyDll, apiDll })
        {
            if (!File.Exists(dll))
            {
                throw new BenchException($"{dll} is missing: build the solution in {_options.Configuration} first.");
            }
        }

        var fastPort = FreePort();
        var slowPort = FreePort();
        var fast = Start("fake-upstream-fast", "dotnet", [fakeDll, "--port", P(fastPort), "--words", P(AnswerWords), "--word-length", P(WordLength)]);
        var slow = Start("fake-upstream-20ms", "dotnet", [fakeDll, "--port", P(slowPort), "--words", P(AnswerWords), "--word-length", P(WordLength), "--latency-ms", "20"]);
        var fastBase = $"http://127.0.0.1:{fastPort}";
        var slowBase = $"http://127.0.0.1:{slowPort}";
        await fast.WaitForHttpAsync(_http, fastBase + "/", TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        await slow.WaitForHttpAsync(_http, slowBase + "/", TimeSpan.FromSeconds(60)).ConfigureAwait(false);

        var proxyFastPort = FreePort();
        var proxySlowPort = FreePort();
        var proxyFast = Start("bare-proxy-fast", "dotnet", [proxyDll, "--port", P(proxyFastPort), "--upstream", fastBase]);
        var proxySlow = Start("bare-proxy-20ms", "dotnet", [proxyDll, "--port", P(proxySlowPort), "--upstream", slowBase]);
        await proxyFast.WaitForHttpAsync(_http, $"http://127.0.0.1:{proxyFastPort}/", TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        await proxySlow.WaitForHttpAsync(_http, $"http://127.0.0.1:{proxySlowPort}/", TimeSpan.FromSeconds(60)).ConfigureAwait(false);

        var apiPort = FreePort();
        var masterKey = "sk-bench-master-" + Guid.NewGuid().ToString("N")[..16];
        var config = Path.Combine(_logs, "llmplatform-bench.yaml");
        await File.WriteAllTextAsync(config, $"""
            model_list:
              - model_name: bench-fast
                litellm_params:
                  model: openai/bench-fast
                  api_base: {fastBase}/v1
                  api_key: {UpstreamKey}
                model_info:
                  id: bench-fast
                  input_cost_per_token: 0.00000015
                  output_cost_per_token: 0.0000006
              - model_name: bench-slow
                litellm_params:
                  model: openai/bench-slow
                  api_base: {slowBase}/v1
                  api_key: {UpstreamKey}
                model_info:
                  id: bench-slow
                  input_cost_per_token: 0.00000015
                  output_cost_per_token: 0.0000006
            router_settings:
              routing_strategy: simple-shuffle
              num_retries: 0
            """).ConfigureAwait(false);

        // Telemetry on as in production: spans and metrics are built, batched and exported over OTLP/HTTP to a
        // collector that answers (a third fake upstream process, which accepts and counts every export).
        var collectorPort = FreePort();
        var collector = Start("otlp-collector", "dotnet", [fakeDll, "--port", P(collectorPort)]);
        _collector = $"http://127.0.0.1:{collectorPort}";
        await collector.WaitForHttpAsync(_http, _collector + "/", TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        _m.Telemetry = $"OpenTelemetry tracing and metrics on, exported over OTLP/HTTP (protobuf) to a stand-in collector at {_collector} that accepts every export; Prometheus /metrics scraped once per gateway phase";
        var api = Start("llmplatform", "dotnet", ["exec", apiDll, "--urls", $"http://127.0.0.1:{apiPort}", "--config", config], new Dictionary<string, string>
        {
            ["DATABASE_URL"] = _databaseUrl,
            ["REDIS_URL"] = _redisUrl,
            ["LLMPLATFORM_MASTER_KEY"] = masterKey,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        var apiBase = new Uri($"http://127.0.0.1:{apiPort}");
        await api.WaitForHttpAsync(_http, apiBase + "health/liveliness", TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        var key = await GenerateKeyAsync(apiBase, masterKey).ConfigureAwait(false);

        var chat = "/v1/chat/completions";
        var targets = new List<Target>
        {
            new()
            {
                Name = Direct,
                Fast = new Endpoint(new Uri(fastBase + chat), "bench-fast", []),
                Slow = new Endpoint(new Uri(slowBase + chat), "bench-slow", []),
            },
            new()
            {
                Name = BareProxy,
                Fast = new Endpoint(new Uri($"http://127.0.0.1:{proxyFastPort}{chat}"), "bench-fast", []),
                Slow = new Endpoint(new Uri($"http://127.0.0.1:{proxySlowPort}{chat}"), "bench-slow", []),
                Process = proxyFast,
            },
            new()
            {
                Name = LlmPlatform,
                Fast = new Endpoint(new Uri(apiBase, chat), "bench-fast", [new("Authorization", "Bearer " + key)]),
                Slow = new Endpoint(new Uri(apiBase, chat), "bench-slow", [new("Authorization", "Bearer " + key)]),
                Process = api,
            },
        };

        if (_options.Peer)
        {
            var peer = await StartPeerAsync(peerFolder, fastBase, slowBase).ConfigureAwait(false);
            if (peer is not null)
            {
                targets.Add(peer);
            }
        }
        else
        {
            _m.Notes.Add("The peer gateway was skipped (--no-peer).");
        }

        return targets;
    }

    private async Task<Target?> StartPeerAsync(string folder, string fastBase, string slowBase)
    {
        Console.WriteLine($"Installing @portkey-ai/gateway@{PortkeyInstaller.Version} into {folder} ...");
        await using var npmLog = new StreamWriter(Path.Combine(_logs, "peer-install.log"));
        var (script, problem) = await PortkeyInstaller.InstallAsync(folder, npmLog).ConfigureAwait(false);
        if (script is null)
        {
            _m.Notes.Add($"The peer gateway was not measured: {problem}.");
            return null;
        }

        var port = FreePort();
        var preload = Path.Combine(_options.Root, "bench", "scripts", "loopback.cjs");
        var process = Start("portkey", "node", ["--require", preload, script, $"--port={port}", "--headless"], new Dictionary<string, string> { ["NODE_ENV"] = "production" }, Path.GetDirectoryName(Path.GetDirectoryName(script)));
        try
        {
            await process.WaitForHttpAsync(_http, $"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch (BenchException ex)
        {
            _m.Notes.Add($"The peer gateway was not measured: {ex.Message}");
            return null;
        }

        KeyValuePair<string, string>[] Headers(string upstream) =>
        [
            new("x-portkey-provider", "openai"),
            new("x-portkey-custom-host", upstream + "/v1"),
            new("Authorization", "Bearer " + UpstreamKey),
        ];
        var url = new Uri($"http://127.0.0.1:{port}/v1/chat/completions");
        return new Target
        {
            Name = Peer,
            Fast = new Endpoint(url, "bench-fast", Headers(fastBase)),
            Slow = new Endpoint(url, "bench-slow", Headers(slowBase)),
            Process = process,
        };
    }

    private async Task<string> GenerateKeyAsync(Uri apiBase, string masterKey)
    {
        var body = """{"models":["bench-fast","bench-slow"],"rpm_limit":100000000,"tpm_limit":100000000000,"max_budget":1000000,"key_alias":"bench"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, "/key/generate")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + masterKey);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            _m.KeyKind = "master key (POST /key/generate answered 404: virtual keys are not served by this build, so no RPM/TPM/budget limits were in force)";
            return masterKey;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"POST /key/generate answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        var key = document.RootElement.GetProperty("key").GetString() ?? throw new BenchException("POST /key/generate returned no key.");
        _m.KeyKind = "virtual key from POST /key/generate with rpm_limit 100,000,000, tpm_limit 100,000,000,000 and max_budget 1,000,000 (limits checked, never reached)";
        return key;
    }

    /// <summary>One non-streamed and one streamed request per target; the gateway must answer, the peer may be dropped.</summary>
    private async Task SmokeAsync(List<Target> targets)
    {
        foreach (var target in targets.ToList())
        {
            foreach (var stream in new[] { false, true })
            {
                var endpoint = target.Fast;
                var body = $$"""{"model":"{{endpoint.Model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"smoke {{Guid.NewGuid():N}}"}]}""";
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                foreach (var (name, value) in endpoint.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await _http.SendAsync(request).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var ok = response.IsSuccessStatusCode && text.Contains(stream ? "chat.completion.chunk" : "chat.completion", StringComparison.Ordinal);
                if (!ok)
                {
                    var problem = $"{target.Name} answered {(int)response.StatusCode} to a {(stream ? "streamed" : "non-streamed")} request: {Truncate(text)}";
                    if (target.Name == Peer)
                    {
                        _m.Notes.Add("The peer gateway was not measured: " + problem);
                        targets.Remove(target);
                        break;
                    }

                    throw new BenchException(problem);
                }

                if (target.Name == Direct)
                {
                    if (stream)
                    {
                        _m.StreamChunks = text.Split("data: ").Length - 1;
                    }
                    else
                    {
                        _m.AnswerBytes = Encoding.UTF8.GetByteCount(text);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Runs every target until its steady state: a .NET process keeps recompiling its hot code with profile data
    /// for several seconds of traffic (measured on LlmPlatform: p50 at one connection was 1.04 ms after 6 s of
    /// warm-up and 430-460 us after 18-24 s), and the first cells would otherwise measure that.
    /// </summary>
    internal static int WarmUpSeconds(bool quick, bool stream) => quick ? 1 : stream ? 8 : 12;

    private async Task WarmUpAsync(List<Target> targets)
    {
        Console.WriteLine("Warming up every target ...");
        foreach (var target in targets)
        {
            foreach (var stream in new[] { true, false })
            {
                await Wrk.RunAsync(Script, target.Fast.Url, 16, WarmUpSeconds(_options.Quick, stream), ScriptArgs(target.Fast, stream, "warm")).ConfigureAwait(false);
            }
        }
    }

    private async Task LoadAsync(List<Target> targets)
    {
        var cells = new List<Cell>();
        foreach (var slow in new[] { false, true })
        {
            foreach (var stream in new[] { false, true })
            {
                foreach (var connections in new[] { 1, 16, 64 })
                {
                    cells.Add(new Cell(slow, stream, connections));
                }
            }
        }

        var total = cells.Sum(cell => RoundsOf(cell) * targets.Count);
        var done = 0;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            var rounds = RoundsOf(cell);
            var results = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
            for (var round = 0; round < rounds; round++)
            {
                // Rotate the order per cell and per round so that no target always runs first (or right after the
                // gateway).
                for (var k = 0; k < targets.Count; k++)
                {
                    var target = targets[(c + round + k) % targets.Count];
                    var endpoint = target.For(cell.Slow);
                    Action? sample = target.Process is { } process ? () => _m.Peak(target.Name, process.ResidentMegabytes(), cell.Label) : null;
                    var result = await Wrk.RunAsync(Script, endpoint.Url, cell.Connections, _options.DurationSeconds, ScriptArgs(endpoint, cell.Stream, $"c{c}r{round}"), sample).ConfigureAwait(false);
                    results[target.Name].Add(result);
                    if (target.Name == LlmPlatform)
                    {
                        _m.GatewayWrkRequests += result.Requests;
                    }

                    done++;
                    Console.WriteLine($"[{done,3}/{total}] {cell.Upstream,-17} {cell.Kind,-12} c={cell.Connections,-2} {target.Name,-18} {Report.Rps(result.RequestsPerSecond),9} req/s  p50 {Report.Us(result.P50Us),9}  p99 {Report.Us(result.P99Us),9}{(result.Non2xx + result.SocketErrors > 0 ? $"  errors {result.Non2xx + result.SocketErrors}" : string.Empty)}");
                }
            }

            foreach (var (name, list) in results)
            {
                _m.Load[(cell, name)] = WrkResult.MedianOf(list);
            }

            if (rounds > 1)
            {
                _m.Rounds[cell] = results;
            }
        }
    }

    /// <summary>The cells the targets are judged on run <see cref="BenchOptions.TargetRounds"/> times; the others once.</summary>
    private int RoundsOf(Cell cell) => cell.JudgesTargets ? _options.TargetRounds : 1;

    private async Task FirstTokenAsync(List<Target> targets)
    {
        Console.WriteLine($"Time to first token: {_options.TtftSamples} streamed requests per target, one at a time, in rotation ...");
        using var probe = new TtftProbe();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var endpoints = targets.Select(t => t.Fast).ToList();
        await probe.MeasureAsync(endpoints, Math.Max(5, _options.TtftSamples / 10), limit.Token).ConfigureAwait(false);
        var samples = await probe.MeasureAsync(endpoints, _options.TtftSamples, limit.Token).ConfigureAwait(false);
        var direct = targets.FindIndex(t => t.Name == Direct);
        for (var i = 0; i < targets.Count; i++)
        {
            var own = samples[i].OfType<double>().Order().ToList();

            // Added time: the difference to direct within each round (the two requests went out back to back), then
            // its percentiles. Subtracting direct's own p99 from the target's would let one slow direct request
            // hide, or make up, a tail of the target's.
            var added = i == direct || direct < 0
                ? []
                : samples[i].Zip(samples[direct], (t, d) => t - d).OfType<double>().Order().ToList();
            _m.FirstToken[targets[i].Name] = new FirstTokenResult(
                Percentile(own, 0.50),
                Percentile(own, 0.99),
                own.Count,
                added.Count == 0 ? double.NaN : Percentile(added, 0.50),
                added.Count == 0 ? double.NaN : Percentile(added, 0.99));
        }
    }

    /// <summary>Notes how much telemetry the gateway exported during the run, so "telemetry on" is checked, not assumed.</summary>
    private async Task CountExportsAsync()
    {
        try
        {
            using var received = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_collector + "/otlp/received")).ConfigureAwait(false));
            var exports = received.RootElement.GetProperty("exports").GetInt64();
            var megabytes = received.RootElement.GetProperty("bytes").GetInt64() / 1048576.0;
            _m.Notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The stand-in OTLP collector received {exports:N0} exports ({megabytes:F1} MB of protobuf) from LlmPlatform during the run."));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or TaskCanceledException)
        {
            _m.Notes.Add("The stand-in OTLP collector could not be asked what it received: " + ex.Message);
        }
    }

    private async Task CheckLedgerAsync(Uri metrics, long rowsBefore, (long Answered, long Other) servedBefore, Endpoint gateway)
    {
        // The writer drains in batches; give it a few seconds to catch up with the last requests.
        var deadline = Stopwatch.StartNew();
        long rows;
        (long Answered, long Other) served;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            rows = await Ledger.CountRowsAsync(_databaseUrl).ConfigureAwait(false) - rowsBefore;
            var now = await Ledger.CountServedAsync(_http, metrics).ConfigureAwait(false);
            served = (now.Answered - servedBefore.Answered, now.Other - servedBefore.Other);
        }
        while (rows < served.Answered + served.Other && deadline.Elapsed < TimeSpan.FromSeconds(15));

        _m.LedgerRows = rows;
        _m.GatewayServed = served.Answered;
        _m.GatewayOther = served.Other;

        var count = _options.Quick ? 200 : 1000;
        Console.WriteLine($"Ledger check: {count} requests with request ids of our own ...");
        (_m.ProbeAnswered, _m.ProbeMissing) = await LedgerProbe.RunAsync(_databaseUrl, gateway, count).ConfigureAwait(false);
    }

    private string Script => Path.Combine(_options.Root, "bench", "scripts", "chat.lua");

    private static List<string> ScriptArgs(Endpoint endpoint, bool stream, string run)
    {
        var args = new List<string> { endpoint.Url.AbsolutePath, endpoint.Model, stream ? "true" : "false", run + "-" + Guid.NewGuid().ToString("N")[..8] };
        args.AddRange(endpoint.Headers.Select(h => $"{h.Key}: {h.Value}"));
        return args;
    }

    private ManagedProcess Start(string name, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? cwd = null)
    {
        var environment = env?.Where(kv => kv.Value.Length > 0).ToDictionary(kv => kv.Key, kv => kv.Value);
        var process = ManagedProcess.Start(name, file, args, Path.Combine(_logs, name + ".log"), environment, cwd);
        _processes.Add(process);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string P(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

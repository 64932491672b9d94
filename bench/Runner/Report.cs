using System.Globalization;
using System.Text;

namespace LlmPlatform.Bench.Runner;

/// <summary>Turns the measurements into the Markdown report (also printed) and judges the targets of the issue.</summary>
internal static class Report
{
    public const string ReadmeBegin = "<!-- bench:begin -->";
    public const string ReadmeEnd = "<!-- bench:end -->";

    public static string Build(Measurements m, BenchOptions options, string machine, DateTimeOffset date)
    {
        var md = new StringBuilder();
        md.AppendLine("# LlmPlatform benchmark: latest run").AppendLine();
        if (options.Note is { Length: > 0 } remark)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> {remark}").AppendLine();
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- date: {date:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine(CultureInfo.InvariantCulture, $"- machine: {machine}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- run: {(options.Quick ? "quick (smoke) run" : "full run")}, wrk -t1, {options.DurationSeconds} s per cell, targets in rotating order per cell (the cells the targets are judged on: {options.TargetRounds} round(s), medians reported) after {BenchRun.WarmUpSeconds(options.Quick, true) + BenchRun.WarmUpSeconds(options.Quick, false)} s of warm-up each (streamed, then not, at 16 connections); whole run {m.Elapsed.TotalMinutes:0.0} min");
        md.AppendLine(CultureInfo.InvariantCulture, $"- upstream: tests/FakeUpstream, non-streamed answer {m.AnswerBytes} bytes, streamed answer {m.StreamChunks} events; no delay, or a fixed 20 ms before the first byte");
        md.AppendLine(CultureInfo.InvariantCulture, $"- every request carries a prompt no earlier request had (wrk Lua script bench/scripts/chat.lua)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- LlmPlatform: {m.KeyKind}; Redis and the PostgreSQL spend ledger on; {m.Telemetry}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- peer: Portkey's open-source gateway @portkey-ai/gateway@{PortkeyInstaller.Version} on node {NodeVersion()}, provider openai with x-portkey-custom-host");
        foreach (var note in m.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- note: {note}");
        }

        md.AppendLine();
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| goal | measured | verdict |").AppendLine("| --- | --- | --- |");
        foreach (var (goal, measured, met) in Verdicts(m))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {goal} | {measured} | {(met is null ? "not measured" : met.Value ? "met" : "missed")} |");
        }

        md.AppendLine();
        md.AppendLine("## Load (wrk)").AppendLine();
        md.AppendLine("Latency added = the target's percentile minus direct's in the same cell.").AppendLine();
        var cells = m.Load.Keys.Select(k => k.Cell).Distinct().ToList();
        foreach (var group in cells.GroupBy(c => (c.Slow, c.Stream)))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {group.First().Upstream}, {group.First().Kind}").AppendLine();
            md.AppendLine("| conns | target | req/s | p50 | p99 | added p50 | added p99 | x bare proxy req/s | errors |");
            md.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var cell in group)
            {
                var direct = Get(m, cell, BenchRun.Direct);
                var bare = Get(m, cell, BenchRun.BareProxy);
                foreach (var target in m.Load.Keys.Where(k => k.Cell == cell).Select(k => k.Target))
                {
                    var r = m.Load[(cell, target)];
                    var isDirect = target == BenchRun.Direct;
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"| {cell.Connections} | {target} | {Rps(r.RequestsPerSecond)} | {Us(r.P50Us)} | {Us(r.P99Us)} | {(isDirect ? "-" : Us(r.P50Us - (direct?.P50Us ?? double.NaN)))} | {(isDirect ? "-" : Us(r.P99Us - (direct?.P99Us ?? double.NaN)))} | {Ratio(r.RequestsPerSecond, bare?.RequestsPerSecond)} | {r.Non2xx + r.SocketErrors} |");
                }
            }

            md.AppendLine();
        }

        if (m.Rounds.Count > 0)
        {
            md.AppendLine("## Rounds of the cells the targets are judged on").AppendLine();
            md.AppendLine("Each round ran every target once, in rotating order; the tables above give the medians. A ratio here compares two targets within one round.").AppendLine();
            md.AppendLine("| conns | round | direct req/s | bare proxy req/s | LlmPlatform req/s | peer req/s | LlmPlatform / bare proxy | LlmPlatform / peer | LlmPlatform added p50 / bare proxy's |");
            md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (cell, byTarget) in m.Rounds)
            {
                var count = byTarget.Values.Max(l => l.Count);
                for (var round = 0; round < count; round++)
                {
                    WrkResult? At(string target) => byTarget.TryGetValue(target, out var list) && round < list.Count ? list[round] : null;
                    var direct = At(BenchRun.Direct);
                    var bare = At(BenchRun.BareProxy);
                    var llm = At(BenchRun.LlmPlatform);
                    var peer = At(BenchRun.Peer);
                    var added = direct is null || bare is null || llm is null ? "-" : Ratio(llm.P50Us - direct.P50Us, bare.P50Us - direct.P50Us);
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"| {cell.Connections} | {round + 1} | {Rps(direct?.RequestsPerSecond ?? double.NaN)} | {Rps(bare?.RequestsPerSecond ?? double.NaN)} | {Rps(llm?.RequestsPerSecond ?? double.NaN)} | {Rps(peer?.RequestsPerSecond ?? double.NaN)} | {Ratio(llm?.RequestsPerSecond ?? double.NaN, bare?.RequestsPerSecond)} | {Ratio(llm?.RequestsPerSecond ?? double.NaN, peer?.RequestsPerSecond)} | {added} |");
                }
            }

            md.AppendLine();
        }

        md.AppendLine("## Ratios per cell").AppendLine();
        md.AppendLine("Throughput ratios (LlmPlatform's req/s over the other's) and added-latency ratios (LlmPlatform's added p50 over the bare proxy's).").AppendLine();
        md.AppendLine("| upstream | kind | conns | req/s LlmPlatform / bare proxy | req/s LlmPlatform / peer | added p50 LlmPlatform / bare proxy |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var cell in cells)
        {
            var direct = Get(m, cell, BenchRun.Direct);
            var bare = Get(m, cell, BenchRun.BareProxy);
            var llm = Get(m, cell, BenchRun.LlmPlatform);
            var peer = Get(m, cell, BenchRun.Peer);
            if (llm is null)
            {
                continue;
            }

            var added = direct is null || bare is null ? "-" : Ratio(llm.P50Us - direct.P50Us, bare.P50Us - direct.P50Us);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {cell.Upstream} | {cell.Kind} | {cell.Connections} | {Ratio(llm.RequestsPerSecond, bare?.RequestsPerSecond)} | {Ratio(llm.RequestsPerSecond, peer?.RequestsPerSecond)} | {added} |");
        }

        md.AppendLine();
        md.AppendLine("## Time to first token (streamed, no-delay upstream, one request at a time)").AppendLine();
        md.AppendLine("Measured by the runner's own client from sending the request to reading the first `data:` event (wrk only sees whole responses). "
            + "Each round sends one request to every target, back to back; \"added\" is the percentile of a target's difference to direct within the same round.").AppendLine();
        md.AppendLine("| target | samples | p50 | p99 | added p50 | added p99 |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (target, ttft) in m.FirstToken)
        {
            var isDirect = target == BenchRun.Direct;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {ttft.Samples} | {Us(ttft.P50Us)} | {Us(ttft.P99Us)} | {(isDirect ? "-" : Us(ttft.AddedP50Us))} | {(isDirect ? "-" : Us(ttft.AddedP99Us))} |");
        }

        md.AppendLine();
        md.AppendLine("## Resident memory (VmRSS)").AppendLine();
        md.AppendLine("| process | idle (after warm-up) | peak under load | peak read during |").AppendLine("| --- | ---: | ---: | --- |");
        foreach (var (target, idle) in m.IdleMb)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {Mb(idle)} | {Mb(m.PeakMb.GetValueOrDefault(target, double.NaN))} | {m.PeakCell.GetValueOrDefault(target, "-")} |");
        }

        md.AppendLine();
        md.AppendLine("## Spend ledger").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- exact check: {m.ProbeAnswered} requests sent with request ids of our own (x-request-id), half streamed, all answered; {m.ProbeMissing} of them have no row in spend_logs");
        md.AppendLine(CultureInfo.InvariantCulture, $"- during the wrk runs LlmPlatform answered {m.GatewayServed} chat requests with 2xx and ended {m.GatewayOther} otherwise (errors, and requests whose client left when a wrk run stopped); wrk counted {m.GatewayWrkRequests} completed");
        md.AppendLine(CultureInfo.InvariantCulture, $"- new rows in spend_logs for those runs: {m.LedgerRows} (at least one per answered request: {(m.LedgerRows >= m.GatewayServed ? "yes" : $"no, {m.GatewayServed - m.LedgerRows} short")}; the request id is the table's primary key, so no request has two)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- rows beyond the answered requests: {m.LedgerRows - m.GatewayServed} for the {m.GatewayOther} requests that ended otherwise (a request abandoned by its client may still have cost upstream tokens)");
        return md.ToString();
    }

    /// <summary>The README's short form: when, where, and the targets table.</summary>
    public static string Summary(Measurements m, BenchOptions options, string machine, DateTimeOffset date)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Latest run: {date:yyyy-MM-dd HH:mm} UTC, {(options.Quick ? "quick (smoke) run" : "full run")}, {options.DurationSeconds} s per cell; {machine}.");
        if (options.Note is { Length: > 0 } remark)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{remark}");
        }

        md.AppendLine().AppendLine("| goal | measured | verdict |").AppendLine("| --- | --- | --- |");
        foreach (var (goal, measured, met) in Verdicts(m))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {goal} | {measured} | {(met is null ? "not measured" : met.Value ? "met" : "missed")} |");
        }

        md.AppendLine().AppendLine("All figures, per target and cell: [bench/results/latest.md](bench/results/latest.md).");
        return md.ToString();
    }

    /// <summary>Replaces the text between the README's bench markers; leaves the file alone when they are missing.</summary>
    public static bool UpdateReadme(string readmePath, string summary)
    {
        if (!File.Exists(readmePath))
        {
            return false;
        }

        var text = File.ReadAllText(readmePath);
        var begin = text.IndexOf(ReadmeBegin, StringComparison.Ordinal);
        var end = text.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return false;
        }

        var updated = text[..(begin + ReadmeBegin.Length)] + "\n" + summary + text[end..];
        File.WriteAllText(readmePath, updated);
        return true;
    }

    public static IEnumerable<(string Goal, string Measured, bool? Met)> Verdicts(Measurements m)
    {
        var c1 = new Cell(false, false, 1);
        var c64 = new Cell(false, false, 64);
        var direct1 = Get(m, c1, BenchRun.Direct);
        var bare1 = Get(m, c1, BenchRun.BareProxy);
        var llm1 = Get(m, c1, BenchRun.LlmPlatform);
        if (direct1 is not null && bare1 is not null && llm1 is not null)
        {
            foreach (var (label, pick) in new (string, Func<WrkResult, double>)[] { ("p50", r => r.P50Us), ("p99", r => r.P99Us) })
            {
                var bareAdded = pick(bare1) - pick(direct1);
                var llmAdded = pick(llm1) - pick(direct1);
                var ratio = llmAdded / bareAdded;
                yield return ($"added latency at 1 connection, {label}, non-streamed: <= 1.5 x bare proxy's",
                    $"{Us(llmAdded)} vs {Us(bareAdded)} = {F(ratio)} x", llmAdded <= 1.5 * Math.Max(bareAdded, 0));
            }
        }
        else
        {
            yield return ("added latency at 1 connection: <= 1.5 x bare proxy's", "-", null);
        }

        var bare64 = Get(m, c64, BenchRun.BareProxy);
        var llm64 = Get(m, c64, BenchRun.LlmPlatform);
        var peer64 = Get(m, c64, BenchRun.Peer);
        yield return bare64 is not null && llm64 is not null
            ? ("throughput at 64 connections, no-delay upstream: >= 0.7 x bare proxy", $"{Rps(llm64.RequestsPerSecond)} vs {Rps(bare64.RequestsPerSecond)} req/s = {F(llm64.RequestsPerSecond / bare64.RequestsPerSecond)} x", llm64.RequestsPerSecond >= 0.7 * bare64.RequestsPerSecond)
            : ("throughput at 64 connections: >= 0.7 x bare proxy", "-", null);
        yield return peer64 is not null && llm64 is not null
            ? ("throughput at 64 connections, no-delay upstream: >= 10 x the peer gateway", $"{Rps(llm64.RequestsPerSecond)} vs {Rps(peer64.RequestsPerSecond)} req/s = {F(llm64.RequestsPerSecond / peer64.RequestsPerSecond)} x", llm64.RequestsPerSecond >= 10 * peer64.RequestsPerSecond)
            : ("throughput: >= 10 x the peer gateway", "peer not measured", null);

        if (m.FirstToken.TryGetValue(BenchRun.LlmPlatform, out var llmTtft) && !double.IsNaN(llmTtft.AddedP99Us))
        {
            var added = llmTtft.AddedP99Us;
            yield return ("added time to first token when streaming, p99: <= 1 ms", $"{Us(added)} (p99 of the per-round difference to direct; added p50 {Us(llmTtft.AddedP50Us)}; {llmTtft.Samples} samples)", added <= 1000);
        }
        else
        {
            yield return ("added time to first token, p99: <= 1 ms", "-", null);
        }

        var peak = m.PeakMb.GetValueOrDefault(BenchRun.LlmPlatform, double.NaN);
        yield return ("resident memory under load: <= 150 MB", Mb(peak), double.IsNaN(peak) ? null : peak <= 150);
        yield return ("zero lost ledger rows",
            $"{m.ProbeMissing} of {m.ProbeAnswered} id-checked requests missing; {m.LedgerRows} rows for {m.GatewayServed} answered + {m.GatewayOther} abandoned under wrk",
            m.ProbeAnswered > 0 && m.ProbeMissing == 0 && m.LedgerRows >= m.GatewayServed);
    }

    public static string Rps(double value) => double.IsNaN(value) ? "-" : value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Us(double us)
    {
        if (double.IsNaN(us))
        {
            return "-";
        }

        return Math.Abs(us) >= 1000
            ? (us / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms"
            : us.ToString("0", CultureInfo.InvariantCulture) + " us";
    }

    private static string Mb(double mb) => double.IsNaN(mb) ? "-" : mb.ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static string F(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "-" : ratio.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double? reference) => reference is { } r && r > 0 ? F(value / r) : "-";

    private static WrkResult? Get(Measurements m, Cell cell, string target) =>
        m.Load.TryGetValue((cell, target), out var r) && r.Ok ? r : null;

    private static string NodeVersion()
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var version = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit(5000);
            return string.IsNullOrEmpty(version) ? "?" : version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(not installed)";
        }
    }
}

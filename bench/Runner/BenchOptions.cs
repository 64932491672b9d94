using System.Globalization;

namespace LlmPlatform.Bench.Runner;

/// <summary>The runner's command line: <c>--root DIR --quick --duration S --target-rounds N --ttft-samples N --no-peer --out FILE --note TEXT --no-readme</c>.</summary>
internal sealed record BenchOptions
{
    public string Root { get; init; } = Directory.GetCurrentDirectory();

    public bool Quick { get; init; }

    /// <summary>Seconds of load per cell (target x upstream x streaming x concurrency).</summary>
    public int DurationSeconds { get; init; } = 8;

    /// <summary>
    /// Rounds of the cells the targets are judged on (no-delay upstream, non-streamed, 1 and 64 connections); each
    /// target's figures there are the medians of its rounds, so that one slow stretch of the machine cannot decide a
    /// verdict either way.
    /// </summary>
    public int TargetRounds { get; init; } = 3;

    /// <summary>Streamed requests per target for the time-to-first-token probe.</summary>
    public int TtftSamples { get; init; } = 400;

    public bool Peer { get; init; } = true;

    public string? OutputPath { get; init; }

    public string Configuration { get; init; } = "Release";

    /// <summary>A remark printed with the results (say, that the machine was busy).</summary>
    public string? Note { get; init; }

    /// <summary>Whether the summary in the README (between its bench markers) is replaced by this run's.</summary>
    public bool UpdateReadme { get; init; } = true;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--root" => options with { Root = Path.GetFullPath(Next()) },
                "--quick" => options with { Quick = true, DurationSeconds = 2, TtftSamples = 60, TargetRounds = 1 },
                "--duration" => options with { DurationSeconds = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 60) },
                "--target-rounds" => options with { TargetRounds = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 9) },
                "--ttft-samples" => options with { TtftSamples = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 10, 5000) },
                "--no-peer" => options with { Peer = false },
                "--out" => options with { OutputPath = Path.GetFullPath(Next()) },
                "--configuration" => options with { Configuration = Next() },
                "--note" => options with { Note = Next() },
                "--no-readme" => options with { UpdateReadme = false },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}

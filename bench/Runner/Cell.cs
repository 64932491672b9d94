namespace LlmPlatform.Bench.Runner;

/// <summary>One load configuration: the upstream (no delay or 20 ms), streamed or not, and the connection count.</summary>
internal sealed record Cell(bool Slow, bool Stream, int Connections)
{
    public string Upstream => Slow ? "20 ms upstream" : "no-delay upstream";

    public string Kind => Stream ? "streamed" : "non-streamed";

    /// <summary>The cell in a few words, for the report: <c>20 ms upstream, streamed, 64 connections</c>.</summary>
    public string Label => $"{Upstream}, {Kind}, {Connections} connection{(Connections == 1 ? string.Empty : "s")}";

    /// <summary>The cells the targets are stated for: no-delay upstream, non-streamed, 1 or 64 connections.</summary>
    public bool JudgesTargets => !Slow && !Stream && Connections is 1 or 64;
}

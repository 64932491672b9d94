namespace LlmPlatform.Bench.Runner;

/// <summary>Everything one run measured, for the report.</summary>
internal sealed class Measurements
{
    public Dictionary<(Cell Cell, string Target), WrkResult> Load { get; } = [];

    /// <summary>Each round of the cells that ran more than once, per target, in the order they ran.</summary>
    public Dictionary<Cell, Dictionary<string, List<WrkResult>>> Rounds { get; } = [];

    public Dictionary<string, FirstTokenResult> FirstToken { get; } = [];

    public Dictionary<string, double> IdleMb { get; } = [];

    public Dictionary<string, double> PeakMb { get; } = [];

    /// <summary>The load cell during which each target's peak was read.</summary>
    public Dictionary<string, string> PeakCell { get; } = [];

    public List<string> Notes { get; } = [];

    public long LedgerRows { get; set; }

    public long GatewayServed { get; set; }

    public long GatewayOther { get; set; }

    public long GatewayWrkRequests { get; set; }

    public int ProbeAnswered { get; set; }

    public int ProbeMissing { get; set; }

    public int AnswerBytes { get; set; }

    public int StreamChunks { get; set; }

    public string KeyKind { get; set; } = string.Empty;

    public string Telemetry { get; set; } = string.Empty;

    public TimeSpan Elapsed { get; set; }

    public void Peak(string target, double mb, string cell)
    {
        if (!double.IsNaN(mb) && (!PeakMb.TryGetValue(target, out var old) || mb > old))
        {
            PeakMb[target] = mb;
            PeakCell[target] = cell;
        }
    }
}

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>Reads <c>granularity</c>: <c>day</c> (the default) or <c>hour</c>.</summary>
public static class UsageGranularityNames
{
    /// <summary>The granularity <paramref name="text"/> names, or <see cref="UsageGranularity.Day"/> when it names none.</summary>
    public static UsageGranularity ParseOrDefault(string? text) => TryParse(text, out var granularity) ? granularity : UsageGranularity.Day;

    public static bool TryParse(string? text, out UsageGranularity granularity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "day" or "daily":
                granularity = UsageGranularity.Day;
                return true;
            case "hour" or "hourly":
                granularity = UsageGranularity.Hour;
                return true;
            default:
                granularity = default;
                return false;
        }
    }
}

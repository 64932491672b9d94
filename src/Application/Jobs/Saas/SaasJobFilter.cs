namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>Which jobs a listing wants, in which order; <see cref="TeamId"/> null means every team's (admins only).</summary>
public sealed record SaasJobFilter(
    string? TeamId,
    string? Status,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string SortBy,
    bool Descending,
    int Limit,
    int Offset)
{
    /// <summary>The fields a listing sorts by; the store maps each to its column.</summary>
    public static IReadOnlyDictionary<string, string> SortColumns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["created_at"] = "created_at",
        ["completed_at"] = "completed_at",
        ["job_type"] = "job_type",
        ["status"] = "status",
    };
}

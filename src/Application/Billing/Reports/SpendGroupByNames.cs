namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The <c>group_by</c> values of <c>/global/spend/report</c> (LiteLLM's, plus <c>model</c> and <c>tag</c>).</summary>
public static class SpendGroupByNames
{
    public const string Accepted = "team, customer, api_key, model, tag";

    /// <summary>The grouping <paramref name="text"/> names, or <see cref="SpendGroupBy.Team"/> when it names none.</summary>
    public static SpendGroupBy ParseOrDefault(string? text) => TryParse(text, out var groupBy) ? groupBy : SpendGroupBy.Team;

    public static bool TryParse(string? text, out SpendGroupBy groupBy)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "team" or "team_id":
                groupBy = SpendGroupBy.Team;
                return true;
            case "customer" or "end_user":
                groupBy = SpendGroupBy.Customer;
                return true;
            case "api_key" or "key":
                groupBy = SpendGroupBy.ApiKey;
                return true;
            case "model" or "model_group":
                groupBy = SpendGroupBy.Model;
                return true;
            case "tag" or "tags":
                groupBy = SpendGroupBy.Tag;
                return true;
            default:
                groupBy = default;
                return false;
        }
    }
}

using System.Globalization;
using System.Text.Json;

namespace LlmPlatform.Application.Access.Connector;

/// <summary>
/// What the Connector keeps in a key's and a user's metadata: the key's monthly quota and recharged balance, and the
/// mark of a user the Connector made (deleted with its key). The key's budget is their sum, reset monthly.
/// </summary>
public static class ConnectorMetadata
{
    public const string MonthQuota = "connector_month_quota";

    public const string Balance = "connector_balance";

    public const string MadeByConnector = "connector_user";

    /// <summary>LiteLLM's monthly window, which the budget code resets on the same day of the next month.</summary>
    public const string BudgetDuration = "1mo";

    public static Dictionary<string, JsonElement> WithBudget(IReadOnlyDictionary<string, JsonElement>? current, decimal monthQuota, decimal balance)
    {
        var metadata = current is null ? [] : new Dictionary<string, JsonElement>(current, StringComparer.Ordinal);
        metadata[MonthQuota] = Number(monthQuota);
        metadata[Balance] = Number(balance);
        return metadata;
    }

    public static Dictionary<string, JsonElement> UserMark() => new(StringComparer.Ordinal)
    {
        [MadeByConnector] = JsonDocument.Parse("true").RootElement.Clone(),
    };

    private static JsonElement Number(decimal value) =>
        JsonDocument.Parse(value.ToString(CultureInfo.InvariantCulture)).RootElement.Clone();
}

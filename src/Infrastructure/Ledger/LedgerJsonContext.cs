using System.Text.Json.Serialization;
using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Ledger;

/// <summary>How spilled usage events are written to disk.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UsageEvent))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext
{
}

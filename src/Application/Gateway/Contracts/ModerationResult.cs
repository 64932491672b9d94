using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The verdict on one input; category names keep OpenAI's spelling (<c>hate/threatening</c>).</summary>
public sealed record ModerationResult
{
    public bool Flagged { get; init; }

    public required IReadOnlyDictionary<string, bool> Categories { get; init; }

    public required IReadOnlyDictionary<string, double> CategoryScores { get; init; }

    /// <summary>Fields this type does not name (such as <c>category_applied_input_types</c>). Settable for System.Text.Json.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

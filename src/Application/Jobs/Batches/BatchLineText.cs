using System.Text.Json;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>Reads the strings of a batch file line without throwing on text a client could send but no one can read.</summary>
public static class BatchLineText
{
    /// <summary>A JSON string's text; null for one whose escapes make no valid text (an unpaired surrogate).</summary>
    public static string? Of(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

using System.Text.Json;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>
/// OpenAI's bounds for <c>hyperparameters</c>: each of <c>n_epochs</c> (1-50), <c>batch_size</c> (1-256) and
/// <c>learning_rate_multiplier</c> (above 0) is <c>"auto"</c> or a number; other keys go to the provider as they are.
/// </summary>
public static class FineTuningHyperparameters
{
    /// <summary>The first problem as (field, message), or null when the value is acceptable.</summary>
    public static (string Field, string Message)? Problem(JsonElement hyperparameters)
    {
        if (hyperparameters.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (hyperparameters.ValueKind != JsonValueKind.Object)
        {
            return ("Hyperparameters", "'hyperparameters' must be an object.");
        }

        foreach (var property in hyperparameters.EnumerateObject())
        {
            var problem = property.Name switch
            {
                "n_epochs" => IntegerOrAuto(property.Value, "n_epochs", 1, 50),
                "batch_size" => IntegerOrAuto(property.Value, "batch_size", 1, 256),
                "learning_rate_multiplier" => PositiveOrAuto(property.Value, "learning_rate_multiplier"),
                _ => null,
            };
            if (problem is not null)
            {
                return (property.Name, problem);
            }
        }

        return null;
    }

    private static bool IsAuto(JsonElement value) => value.ValueKind == JsonValueKind.String && value.GetString() == "auto";

    private static string? IntegerOrAuto(JsonElement value, string name, int min, int max) =>
        IsAuto(value) || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max)
            ? null
            : $"'hyperparameters.{name}' must be \"auto\" or an integer from {min} to {max}.";

    private static string? PositiveOrAuto(JsonElement value, string name) =>
        IsAuto(value) || (value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0)
            ? null
            : $"'hyperparameters.{name}' must be \"auto\" or a number above 0.";
}

using System.Globalization;
using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access;

/// <summary>
/// Reads <c>model_max_budget</c>: per model either a number or <c>{"max_budget"|"budget_limit": n,
/// "budget_duration"|"time_period": "1d"}</c>, as LiteLLM accepts both.
/// </summary>
public static class ModelBudgets
{
    public static Result<IReadOnlyDictionary<string, ModelBudget>> Parse(IReadOnlyDictionary<string, JsonElement> raw)
    {
        var result = new Dictionary<string, ModelBudget>(StringComparer.Ordinal);
        foreach (var (model, value) in raw)
        {
            decimal? max = null;
            string? window = null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var plain))
            {
                max = plain;
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in value.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "max_budget" or "budget_limit" when property.Value.ValueKind == JsonValueKind.Number:
                            max = property.Value.GetDecimal();
                            break;
                        case "budget_duration" or "time_period" when property.Value.ValueKind == JsonValueKind.String:
                            window = property.Value.GetString();
                            break;
                        case "budget_duration" or "time_period" when property.Value.ValueKind == JsonValueKind.Null:
                            break;
                        default:
                            return Invalid(model);
                    }
                }
            }

            if (max is not { } limit || limit < 0)
            {
                return Invalid(model);
            }

            BudgetDuration? duration = null;
            if (window is not null && !BudgetDuration.TryParse(window, out duration))
            {
                return Invalid(model);
            }

            result[model] = new ModelBudget(limit, duration);
        }

        return result;
    }

    private static Error Invalid(string model) => Error.Validation(
        string.Format(
            CultureInfo.InvariantCulture,
            "'model_max_budget.{0}' must be a non-negative number or {{\"max_budget\": n, \"budget_duration\": \"1d\"}}.",
            model),
        "model_max_budget");
}

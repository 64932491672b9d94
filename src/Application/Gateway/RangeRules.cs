using FluentValidation;

namespace LlmPlatform.Application.Gateway;

/// <summary>The optional numeric parameters every endpoint checks the same way, with the same messages.</summary>
internal static class RangeRules
{
    public static IRuleBuilderOptions<T, double?> InRange<T>(this IRuleBuilder<T, double?> rule, double min, double max, string param) =>
        rule.Must(v => v is null || (v >= min && v <= max))
            .WithMessage(FormattableString.Invariant($"'{param}' must be between {min} and {max}."))
            .OverridePropertyName(param);

    public static IRuleBuilderOptions<T, int?> InRange<T>(this IRuleBuilder<T, int?> rule, int min, int max, string param) =>
        rule.Must(v => v is null || (v >= min && v <= max))
            .WithMessage(FormattableString.Invariant($"'{param}' must be between {min} and {max}."))
            .OverridePropertyName(param);

    public static IRuleBuilderOptions<T, int?> Positive<T>(this IRuleBuilder<T, int?> rule, string param) =>
        rule.Must(v => v is null || v > 0)
            .WithMessage($"'{param}' must be positive.")
            .OverridePropertyName(param);
}

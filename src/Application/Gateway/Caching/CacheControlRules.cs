using System.Text.Json;
using FluentValidation;

namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>The validation rule for the request's <c>cache</c> object, shared by the endpoints the cache serves.</summary>
internal static class CacheControlRules
{
    public static IRuleBuilderOptionsConditions<T, IDictionary<string, JsonElement>?> CacheControl<T>(
        this IRuleBuilder<T, IDictionary<string, JsonElement>?> rule) =>
        rule.Custom((fields, context) =>
        {
            Caching.CacheControl.Read(fields, out var error);
            if (error is not null)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(Caching.CacheControl.Field, error));
            }
        });
}

using FluentValidation;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Common.Behaviours;

/// <summary>Runs the request's validators; the first failure becomes an <see cref="Error"/> value, not an exception.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IFailable<TResponse>
{
    private readonly IValidator<TRequest>[] _validators;

    public ValidationBehaviour(IEnumerable<IValidator<TRequest>> validators)
    {
        _validators = validators as IValidator<TRequest>[] ?? validators.ToArray();
    }

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        foreach (var validator in _validators)
        {
            var result = Validate(validator, request) ?? await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                var failure = result.Errors[0];
                var param = ToSnakeCase(failure.PropertyName);
                return TResponse.FromError(Error.Validation(failure.ErrorMessage, param));
            }
        }

        return await next().ConfigureAwait(false);
    }

    /// <summary>
    /// Validators with synchronous rules only (all of ours) run synchronously: the asynchronous path costs a state
    /// machine per rule on every gateway request. Null when the validator has an asynchronous rule.
    /// </summary>
    private static FluentValidation.Results.ValidationResult? Validate(IValidator<TRequest> validator, TRequest request)
    {
        try
        {
            return validator.Validate(request);
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            return null;
        }
    }

    private static string? ToSnakeCase(string? propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return null;
        }

        var last = propertyPath.Split('.')[^1];
        var index = last.IndexOf('[', StringComparison.Ordinal);
        if (index > 0)
        {
            last = last[..index];
        }

        return System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(last);
    }
}

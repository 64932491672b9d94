using System.Collections.Concurrent;
using FluentValidation;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Common.Behaviours;

/// <summary>Runs the request's validators; the first failure becomes an <see cref="Error"/> value, not an exception.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IFailable<TResponse>
{
    /// <summary>The validators (by type) with an asynchronous rule.</summary>
    private static readonly ConcurrentDictionary<Type, byte> NeedsAsync = new();

    private readonly IValidator<TRequest>[] _validators;

    public ValidationBehaviour(IEnumerable<IValidator<TRequest>> validators)
    {
        _validators = validators as IValidator<TRequest>[] ?? validators.ToArray();
    }

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        for (var i = 0; i < _validators.Length; i++)
        {
            var result = Validate(_validators[i], request);
            if (result is null)
            {
                return HandleAsync(request, i, next, cancellationToken);
            }

            if (!result.IsValid)
            {
                return Task.FromResult(Refuse(result));
            }
        }

        // Every rule ran synchronously and passed (the usual case): no state machine of its own.
        return next();
    }

    /// <summary>Goes on from the first validator with an asynchronous rule.</summary>
    private async Task<TResponse> HandleAsync(TRequest request, int from, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        for (var i = from; i < _validators.Length; i++)
        {
            var result = (i == from ? null : Validate(_validators[i], request))
                ?? await _validators[i].ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                return Refuse(result);
            }
        }

        return await next().ConfigureAwait(false);
    }

    private static TResponse Refuse(FluentValidation.Results.ValidationResult result)
    {
        var failure = result.Errors[0];
        var error = Error.Validation(failure.ErrorMessage, ToSnakeCase(failure.PropertyName));

        // A field left out (or sent as null) that must be there is a missing parameter, the Platform API's code for it.
        var missing = failure.AttemptedValue is null && failure.ErrorCode is "NotEmptyValidator" or "NotNullValidator";
        return TResponse.FromError(missing ? error with { Code = "missing_parameter" } : error);
    }

    /// <summary>
    /// Validators with synchronous rules only (all of ours) run synchronously: the asynchronous path costs a state
    /// machine per rule on every gateway request. Null when the validator has an asynchronous rule; such a validator
    /// is remembered, so it goes straight to the asynchronous path afterwards instead of throwing every time.
    /// </summary>
    private static FluentValidation.Results.ValidationResult? Validate(IValidator<TRequest> validator, TRequest request)
    {
        if (NeedsAsync.ContainsKey(validator.GetType()))
        {
            return null;
        }

        try
        {
            return validator.Validate(request);
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            NeedsAsync.TryAdd(validator.GetType(), 0);
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

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

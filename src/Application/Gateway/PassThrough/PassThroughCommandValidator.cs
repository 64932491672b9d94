using FluentValidation;

namespace LlmPlatform.Application.Gateway.PassThrough;

/// <summary>Rejects paths that could leave the provider's base URL before anything is sent.</summary>
internal sealed class PassThroughCommandValidator : AbstractValidator<PassThroughCommand>
{
    public PassThroughCommandValidator()
    {
        RuleFor(c => c.Provider)
            .Matches("^[a-z0-9_]{2,40}$").WithMessage("The provider name is not valid.").OverridePropertyName("provider");
        RuleFor(c => c.Request.Path)
            .Must(PassThroughPath.IsSafe)
            .WithMessage("The path must stay below the provider's base URL: no '.' or '..' segments, empty segments or encoded slashes.")
            .OverridePropertyName("path");
    }
}

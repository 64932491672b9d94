using FluentValidation;

namespace LlmPlatform.Application.Access.UserAccounts;

internal sealed class AddProviderKeyCommandValidator : AbstractValidator<AddProviderKeyCommand>
{
    public AddProviderKeyCommandValidator()
    {
        RuleFor(c => c.Provider).NotEmpty().MaximumLength(64).Matches("^[a-z0-9][a-z0-9_.-]*$")
            .WithMessage("'provider' must be a provider name such as openai or anthropic (lower-case letters, digits, '_', '-', '.').")
            .OverridePropertyName("provider");
        RuleFor(c => c.ApiKey).NotEmpty().MaximumLength(4096).OverridePropertyName("api_key");
        RuleFor(c => c.CredentialType).Must(t => t is null or "api_key")
            .WithMessage("Only 'api_key' credentials are supported.").OverridePropertyName("credential_type");
    }
}

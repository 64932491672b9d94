using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ApplyConnectorKeyCommandValidator : AbstractValidator<ApplyConnectorKeyCommand>
{
    public ApplyConnectorKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(255).OverridePropertyName("name");
        RuleFor(c => c.Role).Must(r => r is null || ConnectorRoles.IsKnown(r)).WithMessage("'role' must be 'user' or 'admin'.").OverridePropertyName("role");
        RuleFor(c => c.Email).MaximumLength(255).OverridePropertyName("email");
        RuleFor(c => c.GroupId).GreaterThanOrEqualTo(0).OverridePropertyName("group_id");
        RuleFor(c => c.MonthQuota).GreaterThanOrEqualTo(0).OverridePropertyName("month_quota");
    }
}

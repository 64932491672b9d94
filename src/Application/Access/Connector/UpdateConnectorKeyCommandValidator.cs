using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class UpdateConnectorKeyCommandValidator : AbstractValidator<UpdateConnectorKeyCommand>
{
    public UpdateConnectorKeyCommandValidator()
    {
        RuleFor(c => c.Id).NotNull().GreaterThan(0).OverridePropertyName("id");
        RuleFor(c => c.Name).MaximumLength(255).OverridePropertyName("name");
        RuleFor(c => c.Role).Must(r => r is null || ConnectorRoles.IsKnown(r)).WithMessage("'role' must be 'user' or 'admin'.").OverridePropertyName("role");
        RuleFor(c => c.GroupId).GreaterThanOrEqualTo(0).OverridePropertyName("group_id");
        RuleFor(c => c.MonthQuota).GreaterThanOrEqualTo(0).OverridePropertyName("month_quota");
    }
}

using FluentValidation;

namespace LlmPlatform.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Limit)
            .InclusiveBetween(1, 100).When(q => q.Limit is not null)
            .WithMessage("limit must be between 1 and 100.");
    }
}

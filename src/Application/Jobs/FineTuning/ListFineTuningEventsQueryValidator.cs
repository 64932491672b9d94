using FluentValidation;

namespace LlmPlatform.Application.Jobs.FineTuning;

internal sealed class ListFineTuningEventsQueryValidator : AbstractValidator<ListFineTuningEventsQuery>
{
    public ListFineTuningEventsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, FineTuningHandler.MaxPage).When(q => q.Limit is not null)
            .WithMessage($"'limit' must be between 1 and {FineTuningHandler.MaxPage}.");
    }
}

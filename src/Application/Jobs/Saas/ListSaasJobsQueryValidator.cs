using FluentValidation;
using LlmPlatform.Application.Billing.Reports;

namespace LlmPlatform.Application.Jobs.Saas;

internal sealed class ListSaasJobsQueryValidator : AbstractValidator<ListSaasJobsQuery>
{
    public ListSaasJobsQueryValidator()
    {
        this.AddDateRules(q => q.StartDate, q => q.EndDate);
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000).OverridePropertyName("limit");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).OverridePropertyName("offset");
        RuleFor(q => q.Status).Must(s => s is SaasJobStatus.Pending or SaasJobStatus.InProgress or SaasJobStatus.Completed or SaasJobStatus.Failed)
            .When(q => q.Status is not null).OverridePropertyName("status")
            .WithMessage("'status' must be one of pending, in_progress, completed, failed.");
        RuleFor(q => q.SortBy).Must(s => SaasJobFilter.SortColumns.ContainsKey(s!)).When(q => q.SortBy is not null).OverridePropertyName("sort_by")
            .WithMessage($"'sort_by' must be one of {string.Join(", ", SaasJobFilter.SortColumns.Keys)}.");
        RuleFor(q => q.Order).Must(o => o is "asc" or "desc").When(q => q.Order is not null).OverridePropertyName("order")
            .WithMessage("'order' must be 'asc' or 'desc'.");
    }
}

using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// <c>GET /spend/keys|users|teams|tags|models|end_users</c>: spend per entity, most first, over an optional period
/// (<c>start_date</c>, <c>end_date</c>), at most <c>limit</c> entries.
/// </summary>
public sealed record GetSpendByEntityQuery(SpendEntity Entity, string? StartDate, string? EndDate, int? Limit, CallerIdentity Caller)
    : IQuery<IReadOnlyList<EntitySpend>>;

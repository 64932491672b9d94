using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary><c>GET /usage/billing</c>: the current month's usage in the caller's scope against the caller's limits.</summary>
public sealed record GetUsageBillingQuery(CallerIdentity Caller) : IQuery<UsageBillingReport>;

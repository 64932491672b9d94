using System.Globalization;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>
/// Admits a gateway request before its handler runs: blocked team or end user (401), models the key, team or
/// organization may not use (403), rate limits (429 with Retry-After) and budgets with a reservation of the
/// request's highest possible cost (429 <c>budget_exceeded</c>). The usage event settles the reservation.
/// </summary>
internal sealed class GatewayAdmissionBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IGatewayCommand
    where TResponse : IFailable<TResponse>
{
    private const int DefaultMaxOutputTokens = 4096;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RateTtl = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ParallelTtl = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan OpenBudgetTtl = TimeSpan.FromHours(1);

    private readonly IModelCatalog _catalog;
    private readonly ILimitStore _limits;
    private readonly ReservationBook _book;
    private readonly ReservationSettler _settler;
    private readonly IEndUserDirectory _endUsers;
    private readonly RateLimitHeaders _headers;
    private readonly TimeProvider _time;
    private readonly IUsageLimitAlertSink _limitAlerts;

    public GatewayAdmissionBehaviour(
        IModelCatalog catalog,
        ILimitStore limits,
        ReservationBook book,
        ReservationSettler settler,
        IEndUserDirectory endUsers,
        RateLimitHeaders headers,
        TimeProvider time,
        IUsageLimitAlertSink limitAlerts)
    {
        _catalog = catalog;
        _limits = limits;
        _book = book;
        _settler = settler;
        _endUsers = endUsers;
        _headers = headers;
        _time = time;
        _limitAlerts = limitAlerts;
    }

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var caller = request.Caller;
        if (caller.TeamBlocked)
        {
            return TResponse.FromError(new Error(ErrorKind.Unauthorized, "team_blocked", $"The team '{caller.TeamId}' of this key is blocked."));
        }

        EndUserState? endUser = null;
        if (!string.IsNullOrEmpty(request.EndUser))
        {
            endUser = await _endUsers.FindAsync(request.EndUser, cancellationToken).ConfigureAwait(false);
            if (endUser?.Blocked == true)
            {
                return TResponse.FromError(new Error(ErrorKind.Unauthorized, "end_user_blocked", $"The end user '{request.EndUser}' is blocked."));
            }
        }

        string? group = null;
        IReadOnlyList<ModelDeployment> deployments = [];
        if (request.RequestedModel is { } requested && _catalog.TryResolve(requested, out var resolved, out deployments))
        {
            group = resolved;
            if (ModelRefusal(caller, group) is { } refusal)
            {
                return TResponse.FromError(refusal);
            }
        }

        var now = _time.GetUtcNow();
        var checks = new List<LimitCheck>();
        var soft = new List<SoftBudgetWatch>();
        if (!caller.IsMasterKey)
        {
            AddScope(checks, soft, "key", caller.KeyHash, caller.KeyLimits, now, caller);
            AddScope(checks, soft, "user", caller.UserId, caller.UserLimits, now, caller);
            AddScope(checks, soft, "team", caller.TeamId, caller.TeamLimits, now, caller);
            AddScope(checks, soft, "organization", caller.OrganizationId, caller.OrganizationLimits, now, caller);
            if (group is not null)
            {
                AddModelScope(checks, caller, group, now);
            }
        }

        if (endUser is not null)
        {
            AddScope(checks, soft, "end_user", endUser.UserId, endUser.Limits, now, caller);
        }

        if (checks.Count == 0)
        {
            return await next().ConfigureAwait(false);
        }

        var reserved = 0L;
        if (checks.Exists(c => c.Kind == LimitKind.Budget))
        {
            // Counting the prompt costs a little, so it is done only when a budget needs the reservation.
            reserved = ReservationOf(request, deployments);
            for (var i = 0; i < checks.Count; i++)
            {
                if (checks[i].Kind == LimitKind.Budget)
                {
                    checks[i] = checks[i] with { Amount = reserved };
                }
            }
        }

        var decision = await _limits.TryAdmitAsync(checks, cancellationToken).ConfigureAwait(false);
        Observe(checks, decision, now);
        if (!decision.Admitted)
        {
            ReportLimitReached(caller, group, checks[decision.RefusedAt], decision.Values[decision.RefusedAt], now);
            return TResponse.FromError(Refusal(checks[decision.RefusedAt], decision.Values[decision.RefusedAt], now));
        }

        _book.Open(request.RequestId, new Reservation(checks, reserved, soft));
        TResponse response;
        try
        {
            response = await next().ConfigureAwait(false);
        }
        catch
        {
            await _settler.SettleAsync(request.RequestId, 0m, 0, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (!response.IsSuccess)
        {
            await _settler.SettleAsync(request.RequestId, 0m, 0, CancellationToken.None).ConfigureAwait(false);
        }

        return response;
    }

    private static Error? ModelRefusal(CallerIdentity caller, string group)
    {
        string? who = null;
        if (!CallerIdentity.Allows(caller.AllowedModels, group))
        {
            who = "This key";
        }
        else if (caller.TeamId is not null && !CallerIdentity.Allows(caller.TeamModels, group))
        {
            who = $"The team '{caller.TeamId}'";
        }
        else if (caller.OrganizationId is not null && !CallerIdentity.Allows(caller.OrganizationModels, group))
        {
            who = $"The organization '{caller.OrganizationId}'";
        }

        return who is null
            ? null
            : new Error(ErrorKind.Forbidden, "model_not_allowed", $"{who} is not allowed to use the model '{group}'.", "model");
    }

    private static void AddScope(List<LimitCheck> checks, List<SoftBudgetWatch> soft, string scope, string? id, LimitSet limits, DateTimeOffset now, CallerIdentity caller)
    {
        if (id is null || limits.IsEmpty)
        {
            return;
        }

        var names = ScopeCounterNames.For(scope, id);
        var minute = MinuteOf(now);
        var minuteEnd = DateTimeOffset.UnixEpoch.AddMinutes(minute + 1);
        if (limits.RpmLimit is not null || limits.TpmLimit is not null)
        {
            var (requests, tokens) = names.PerMinute(minute);
            if (limits.RpmLimit is { } rpm)
            {
                checks.Add(new LimitCheck(requests, LimitKind.Requests, rpm, 1, 0, RateTtl) { Scope = scope, ResetAt = minuteEnd });
            }

            if (limits.TpmLimit is { } tpm)
            {
                checks.Add(new LimitCheck(tokens, LimitKind.Tokens, tpm, 0, 0, RateTtl) { Scope = scope, ResetAt = minuteEnd });
            }
        }

        if (limits.MaxParallelRequests is { } parallel)
        {
            checks.Add(new LimitCheck(names.Parallel, LimitKind.Parallel, parallel, 1, 0, ParallelTtl) { Scope = scope });
        }

        if (limits.MaxBudget is not null || limits.SoftBudget is not null)
        {
            var budget = BudgetCheck(names, scope, limits.MaxBudget, limits.BudgetDuration, limits.Spend, now);
            checks.Add(budget);
            if (limits.SoftBudget is { } softBudget)
            {
                soft.Add(new SoftBudgetWatch(budget.Key, scope, id, softBudget, limits.MaxBudget) { Owner = OwnerOf(scope, id, caller) });
            }
        }
    }

    private static void AddModelScope(List<LimitCheck> checks, CallerIdentity caller, string group, DateTimeOffset now)
    {
        var hasRpm = caller.ModelRpmLimit.TryGetValue(group, out var rpm);
        var hasTpm = caller.ModelTpmLimit.TryGetValue(group, out var tpm);
        var hasBudget = caller.ModelMaxBudget.TryGetValue(group, out var budget);
        if (!hasRpm && !hasTpm && !hasBudget)
        {
            return;
        }

        var names = ScopeCounterNames.ForModel(caller.KeyHash, group);
        var scope = $"model '{group}' on this key";
        var minute = MinuteOf(now);
        var minuteEnd = DateTimeOffset.UnixEpoch.AddMinutes(minute + 1);
        var (requests, tokens) = names.PerMinute(minute);
        if (hasRpm)
        {
            checks.Add(new LimitCheck(requests, LimitKind.Requests, rpm, 1, 0, RateTtl) { Scope = scope, ResetAt = minuteEnd });
        }

        if (hasTpm)
        {
            checks.Add(new LimitCheck(tokens, LimitKind.Tokens, tpm, 0, 0, RateTtl) { Scope = scope, ResetAt = minuteEnd });
        }

        if (hasBudget)
        {
            checks.Add(BudgetCheck(names, scope, budget!.MaxBudget, budget.BudgetDuration, 0m, now));
        }
    }

    private static LimitCheck BudgetCheck(ScopeCounterNames names, string scope, decimal? maxBudget, BudgetDuration? window, decimal spend, DateTimeOffset now)
    {
        var limit = maxBudget is { } max ? Nanos.FromUsd(max) : long.MaxValue;
        if (window is null)
        {
            return new LimitCheck(names.OpenBudget, LimitKind.Budget, limit, 0, Nanos.FromUsd(spend), OpenBudgetTtl) { Scope = scope };
        }

        var end = window.WindowEnd(now);
        var key = names.BudgetWindow(window.WindowStart(now).ToUnixTimeSeconds());
        return new LimitCheck(key, LimitKind.Budget, limit, 0, 0, end - now + Minute) { Scope = scope, ResetAt = end };
    }

    private static long MinuteOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / 60;

    /// <summary>Whose webhooks hear about a limit: a user's or team's own scope, else the calling key's owner.</summary>
    private static string OwnerOf(string scope, string id, CallerIdentity caller) => scope switch
    {
        "user" => "user:" + id,
        "team" => "team:" + id,
        _ => caller.Owner,
    };

    private void ReportLimitReached(CallerIdentity caller, string? group, LimitCheck check, long value, DateTimeOffset now)
    {
        var owner = check.Scope switch
        {
            "user" when caller.UserId is { } user => OwnerOf("user", user, caller),
            "team" when caller.TeamId is { } team => OwnerOf("team", team, caller),
            _ => caller.Owner,
        };
        _limitAlerts.LimitReached(new UsageLimitAlert(check.Key, check.Scope, check.Kind, check.Limit, value, check.ResetAt, owner, now)
        {
            KeyAlias = caller.KeyAlias,
            UserId = caller.UserId,
            TeamId = caller.TeamId,
            OrganizationId = caller.OrganizationId,
            Model = group,
        });
    }

    private static Error Refusal(LimitCheck check, long value, DateTimeOffset now)
    {
        var retryAfter = check.ResetAt is { } reset ? reset - now : TimeSpan.FromSeconds(1);
        return check.Kind switch
        {
            LimitKind.Requests => new Error(
                ErrorKind.RateLimited,
                "rate_limit_exceeded",
                $"Rate limit reached for the {check.Scope}: {check.Limit} requests per minute.") { RetryAfter = retryAfter },
            LimitKind.Tokens => new Error(
                ErrorKind.RateLimited,
                "rate_limit_exceeded",
                $"Token rate limit reached for the {check.Scope}: {value} of {check.Limit} tokens per minute used.") { RetryAfter = retryAfter },
            LimitKind.Parallel => new Error(
                ErrorKind.RateLimited,
                "rate_limit_exceeded",
                $"Max parallel requests reached for the {check.Scope}: {check.Limit}.") { RetryAfter = retryAfter },
            _ => new Error(
                ErrorKind.BudgetExceeded,
                "budget_exceeded",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Budget has been exceeded for the {check.Scope}! Current cost: {Nanos.ToUsd(value)}, Max budget: {Nanos.ToUsd(check.Limit)}"))
            {
                RetryAfter = check.ResetAt is null ? null : retryAfter,
            },
        };
    }

    private void Observe(List<LimitCheck> checks, LimitDecision decision, DateTimeOffset now)
    {
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            var reset = check.ResetAt is { } at ? at - now : TimeSpan.Zero;
            var value = decision.Values[i];
            if (check.Kind == LimitKind.Requests)
            {
                _headers.ObserveRequests(check.Limit, decision.Admitted ? check.Limit - value : 0, reset);
            }
            else if (check.Kind == LimitKind.Tokens)
            {
                _headers.ObserveTokens(check.Limit, check.Limit - value, reset);
            }
        }
    }

    private long ReservationOf(TRequest request, IReadOnlyList<ModelDeployment> deployments)
    {
        if (deployments.Count == 0)
        {
            return 0;
        }

        // The dearest deployment of the group, which the router may pick (a loop: this runs on every request).
        decimal inputPrice = 0, outputPrice = 0;
        int? maxTokens = null;
        for (var i = 0; i < deployments.Count; i++)
        {
            var deployment = deployments[i];
            inputPrice = Math.Max(inputPrice, deployment.Pricing.InputCostPerToken);
            outputPrice = Math.Max(outputPrice, deployment.Pricing.OutputCostPerToken);
            if (deployment.Settings.MaxTokens is { } tokens && (maxTokens is null || tokens > maxTokens))
            {
                maxTokens = tokens;
            }
        }

        if (inputPrice == 0 && outputPrice == 0)
        {
            return 0;
        }

        var prompt = request.EstimatePromptTokens(ApproximateTokenCounter.Instance);
        var output = request.MaxOutputTokens ?? maxTokens ?? DefaultMaxOutputTokens;
        return Nanos.FromUsdCeiling((prompt * inputPrice) + (output * outputPrice));
    }
}

using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Billing.Budgets;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>The end-user (customer) use cases: admins manage, viewers read.</summary>
internal sealed class EndUserHandler :
    IRequestHandler<CreateEndUserCommand, Result<EndUserInfo>>,
    IRequestHandler<UpdateEndUserCommand, Result<EndUserInfo>>,
    IRequestHandler<GetEndUserQuery, Result<EndUserInfo>>,
    IRequestHandler<ListEndUsersQuery, Result<IReadOnlyList<EndUserInfo>>>,
    IRequestHandler<DeleteEndUsersCommand, Result<IReadOnlyList<string>>>,
    IRequestHandler<SetEndUsersBlockedCommand, Result<IReadOnlyList<string>>>
{
    private readonly IEndUserStore _endUsers;
    private readonly IBudgetStore _budgets;
    private readonly IAccessChangeNotifier _notifier;
    private readonly TimeProvider _time;

    public EndUserHandler(IEndUserStore endUsers, IBudgetStore budgets, IAccessChangeNotifier notifier, TimeProvider time)
    {
        _endUsers = endUsers;
        _budgets = budgets;
        _notifier = notifier;
        _time = time;
    }

    public async Task<Result<EndUserInfo>> Handle(CreateEndUserCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("create customers");
        }

        if (await CheckAsync(request.Fields, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var now = _time.GetUtcNow();
        var endUser = Apply(new EndUserInfo { UserId = request.Fields.UserId!, CreatedAt = now }, request.Fields, now);
        if (!await _endUsers.InsertAsync(endUser, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict($"Customer '{endUser.UserId}' already exists.");
        }

        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return endUser;
    }

    public async Task<Result<EndUserInfo>> Handle(UpdateEndUserCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("change customers");
        }

        var existing = await _endUsers.FindAsync(request.Fields.UserId!, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return NotFound(request.Fields.UserId!);
        }

        if (await CheckAsync(request.Fields, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var updated = Apply(existing, request.Fields, _time.GetUtcNow());
        await _endUsers.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<Result<EndUserInfo>> Handle(GetEndUserQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.ReadsEverything)
        {
            return AdminErrors.NotAllowed("see customers");
        }

        if (string.IsNullOrEmpty(request.UserId))
        {
            return Error.Missing("end_user_id");
        }

        var endUser = await _endUsers.FindAsync(request.UserId, cancellationToken).ConfigureAwait(false);
        return endUser is null ? NotFound(request.UserId) : endUser;
    }

    public async Task<Result<IReadOnlyList<EndUserInfo>>> Handle(ListEndUsersQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.ReadsEverything)
        {
            return AdminErrors.NotAllowed("list customers");
        }

        return Result<IReadOnlyList<EndUserInfo>>.Success(await _endUsers.ListAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<Result<IReadOnlyList<string>>> Handle(DeleteEndUsersCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("delete customers");
        }

        foreach (var userId in request.UserIds!)
        {
            if (await _endUsers.FindAsync(userId, cancellationToken).ConfigureAwait(false) is null)
            {
                return NotFound(userId);
            }
        }

        await _endUsers.DeleteAsync(request.UserIds!, cancellationToken).ConfigureAwait(false);
        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<string>>.Success(request.UserIds!);
    }

    public async Task<Result<IReadOnlyList<string>>> Handle(SetEndUsersBlockedCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed(request.Blocked ? "block customers" : "unblock customers");
        }

        var now = _time.GetUtcNow();
        foreach (var userId in request.UserIds!)
        {
            await _endUsers.SetBlockedAsync(userId, request.Blocked, now, cancellationToken).ConfigureAwait(false);
        }

        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<string>>.Success(request.UserIds!);
    }

    private static Error NotFound(string userId) => Error.NotFound("customer_not_found", $"Customer '{userId}' does not exist.");

    private static EndUserInfo Apply(EndUserInfo e, EndUserFields f, DateTimeOffset now) => e with
    {
        Alias = f.Alias ?? e.Alias,
        Blocked = f.Blocked ?? e.Blocked,
        MaxBudget = f.MaxBudget ?? e.MaxBudget,
        SoftBudget = f.SoftBudget ?? e.SoftBudget,
        BudgetDuration = f.BudgetDuration ?? e.BudgetDuration,
        BudgetId = f.BudgetId ?? e.BudgetId,
        AllowedModelRegion = f.AllowedModelRegion ?? e.AllowedModelRegion,
        DefaultModel = f.DefaultModel ?? e.DefaultModel,
        UpdatedAt = now,
    };

    private async Task<Error?> CheckAsync(EndUserFields f, CancellationToken cancellationToken)
    {
        if (LimitRules.Check(f.MaxBudget, f.SoftBudget, f.BudgetDuration, null, null, null) is { } invalid)
        {
            return invalid;
        }

        if (f.AllowedModelRegion is not (null or "eu" or "us"))
        {
            return Error.Validation("'allowed_model_region' must be 'eu' or 'us'.", "allowed_model_region");
        }

        if (f.BudgetId is { } budgetId && await _budgets.FindAsync(budgetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AdminErrors.BudgetNotFound(budgetId);
        }

        return null;
    }
}

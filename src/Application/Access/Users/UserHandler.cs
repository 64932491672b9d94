using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Billing.Budgets;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Users;

/// <summary>The user use cases: admins manage users, viewers read them, a user reads itself and edits its own profile.</summary>
internal sealed class UserHandler :
    IRequestHandler<CreateUserCommand, Result<CreatedUser>>,
    IRequestHandler<UpdateUserCommand, Result<UserInfo>>,
    IRequestHandler<GetUserInfoQuery, Result<UserDetails>>,
    IRequestHandler<ListUsersQuery, Result<UserPage>>,
    IRequestHandler<DeleteUsersCommand, Result<IReadOnlyList<string>>>
{
    private readonly IUserStore _users;
    private readonly IKeyStore _keys;
    private readonly ITeamStore _teams;
    private readonly IBudgetStore _budgets;
    private readonly IAccessChangeNotifier _notifier;
    private readonly TimeProvider _time;

    public UserHandler(IUserStore users, IKeyStore keys, ITeamStore teams, IBudgetStore budgets, IAccessChangeNotifier notifier, TimeProvider time)
    {
        _users = users;
        _keys = keys;
        _teams = teams;
        _budgets = budgets;
        _notifier = notifier;
        _time = time;
    }

    public async Task<Result<CreatedUser>> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var f = request.Fields;
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("create users");
        }

        if (await CheckAsync(f, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        foreach (var teamId in f.Teams ?? [])
        {
            if (await _teams.FindAsync(teamId, cancellationToken).ConfigureAwait(false) is null)
            {
                return AdminErrors.TeamNotFound(teamId);
            }
        }

        var now = _time.GetUtcNow();
        var user = Apply(new UserInfo { UserId = f.UserId ?? Guid.NewGuid().ToString(), CreatedAt = now }, f, now);
        if (!await _users.InsertAsync(user, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict($"User '{user.UserId}' already exists.");
        }

        foreach (var teamId in f.Teams ?? [])
        {
            await _teams.UpsertMemberAsync(teamId, user.UserId, Roles.TeamMember, cancellationToken).ConfigureAwait(false);
        }

        string? secret = null;
        if (f.AutoCreateKey != false)
        {
            secret = KeySecret.Generate();
            await _keys.InsertAsync(
                new KeyInfo
                {
                    Token = KeySecret.Hash(secret),
                    KeyName = KeySecret.DisplayName(secret),
                    UserId = user.UserId,
                    Models = user.Models,
                    CreatedBy = request.Caller.UserId,
                    CreatedAt = now,
                    UpdatedAt = now,
                },
                cancellationToken).ConfigureAwait(false);
        }

        return new CreatedUser(user with { Teams = f.Teams ?? [] }, secret);
    }

    public async Task<Result<UserInfo>> Handle(UpdateUserCommand request, CancellationToken cancellationToken)
    {
        var f = request.Fields;
        var caller = request.Caller;
        var user = await _users.FindAsync(f.UserId!, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return AdminErrors.UserNotFound(f.UserId!);
        }

        if (!caller.IsAdmin)
        {
            var ownProfileOnly = caller.UserId == user.UserId
                && caller.Role != Roles.InternalUserViewer
                && caller.Role != Roles.ProxyAdminViewer
                && f.UserRole is null && f.Models is null && f.MaxBudget is null && f.SoftBudget is null && f.BudgetDuration is null
                && f.BudgetId is null && f.TpmLimit is null && f.RpmLimit is null && f.MaxParallelRequests is null;
            if (!ownProfileOnly)
            {
                return AdminErrors.NotAllowed("change this user's role, models, budget or limits");
            }
        }

        if (await CheckAsync(f, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var updated = Apply(user, f, _time.GetUtcNow());
        await _users.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<Result<UserDetails>> Handle(GetUserInfoQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var userId = request.UserId ?? caller.UserId;
        if (userId is null)
        {
            return Error.Missing("user_id");
        }

        if (!caller.ReadsEverything && caller.UserId != userId)
        {
            return AdminErrors.NotAllowed("see other users");
        }

        var user = await _users.FindAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return AdminErrors.UserNotFound(userId);
        }

        var (keys, _) = await _keys.ListAsync(new KeyQuery { UserId = userId, PageSize = 1000 }, cancellationToken).ConfigureAwait(false);
        var teams = await _teams.ListAsync(null, userId, cancellationToken).ConfigureAwait(false);
        return new UserDetails(user, keys, teams);
    }

    public async Task<Result<UserPage>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.ReadsEverything)
        {
            return AdminErrors.NotAllowed("list users");
        }

        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 100);
        var (users, total) = await _users.ListAsync(request.Role, page, size, cancellationToken).ConfigureAwait(false);
        return new UserPage(users, total, page, size, (int)Math.Ceiling(total / (double)size));
    }

    public async Task<Result<IReadOnlyList<string>>> Handle(DeleteUsersCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("delete users");
        }

        foreach (var userId in request.UserIds!)
        {
            if (await _users.FindAsync(userId, cancellationToken).ConfigureAwait(false) is null)
            {
                return AdminErrors.UserNotFound(userId);
            }
        }

        var keys = await _users.DeleteAsync(request.UserIds!, cancellationToken).ConfigureAwait(false);
        await _notifier.KeysChangedAsync(keys, cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<string>>.Success(request.UserIds!);
    }

    private static UserInfo Apply(UserInfo u, UserFields f, DateTimeOffset now) => u with
    {
        UserEmail = f.UserEmail ?? u.UserEmail,
        UserAlias = f.UserAlias ?? u.UserAlias,
        UserRole = f.UserRole ?? u.UserRole,
        Models = f.Models ?? u.Models,
        MaxBudget = f.MaxBudget ?? u.MaxBudget,
        SoftBudget = f.SoftBudget ?? u.SoftBudget,
        BudgetDuration = f.BudgetDuration ?? u.BudgetDuration,
        BudgetId = f.BudgetId ?? u.BudgetId,
        TpmLimit = f.TpmLimit ?? u.TpmLimit,
        RpmLimit = f.RpmLimit ?? u.RpmLimit,
        MaxParallelRequests = f.MaxParallelRequests ?? u.MaxParallelRequests,
        Metadata = f.Metadata ?? u.Metadata,
        UpdatedAt = now,
    };

    private async Task<Error?> CheckAsync(UserFields f, CancellationToken cancellationToken)
    {
        if (f.UserRole is not null && !Roles.IsUserRole(f.UserRole))
        {
            return Error.Validation("'user_role' must be proxy_admin, proxy_admin_viewer, internal_user or internal_user_viewer.", "user_role");
        }

        if (f.UserId is { Length: 0 })
        {
            return Error.Validation("'user_id' cannot be empty.", "user_id");
        }

        if (LimitRules.Check(f.MaxBudget, f.SoftBudget, f.BudgetDuration, f.TpmLimit, f.RpmLimit, f.MaxParallelRequests) is { } invalid)
        {
            return invalid;
        }

        if (f.BudgetId is { } budgetId && await _budgets.FindAsync(budgetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AdminErrors.BudgetNotFound(budgetId);
        }

        return null;
    }
}

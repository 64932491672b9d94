using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Organizations;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Application.Billing.Budgets;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>
/// The team use cases. Admins and the organization's admins manage teams; a team admin manages members and the
/// team's name; members and viewers read.
/// </summary>
internal sealed class TeamHandler :
    IRequestHandler<CreateTeamCommand, Result<TeamInfo>>,
    IRequestHandler<UpdateTeamCommand, Result<TeamInfo>>,
    IRequestHandler<GetTeamInfoQuery, Result<TeamDetails>>,
    IRequestHandler<ListTeamsQuery, Result<IReadOnlyList<TeamInfo>>>,
    IRequestHandler<DeleteTeamsCommand, Result<IReadOnlyList<string>>>,
    IRequestHandler<AddTeamMembersCommand, Result<TeamInfo>>,
    IRequestHandler<RemoveTeamMemberCommand, Result<TeamInfo>>,
    IRequestHandler<SetTeamBlockedCommand, Result<TeamInfo>>
{
    private readonly ITeamStore _teams;
    private readonly IOrganizationStore _organizations;
    private readonly IUserStore _users;
    private readonly IKeyStore _keys;
    private readonly IBudgetStore _budgets;
    private readonly IAccessChangeNotifier _notifier;
    private readonly TimeProvider _time;

    public TeamHandler(
        ITeamStore teams,
        IOrganizationStore organizations,
        IUserStore users,
        IKeyStore keys,
        IBudgetStore budgets,
        IAccessChangeNotifier notifier,
        TimeProvider time)
    {
        _teams = teams;
        _organizations = organizations;
        _users = users;
        _keys = keys;
        _budgets = budgets;
        _notifier = notifier;
        _time = time;
    }

    public async Task<Result<TeamInfo>> Handle(CreateTeamCommand request, CancellationToken cancellationToken)
    {
        var f = request.Fields;
        var caller = request.Caller;
        OrganizationInfo? organization = null;
        if (f.OrganizationId is { } organizationId)
        {
            organization = await _organizations.FindAsync(organizationId, cancellationToken).ConfigureAwait(false);
            if (organization is null)
            {
                return AdminErrors.OrganizationNotFound(organizationId);
            }
        }

        if (!caller.IsAdmin && organization?.IsAdmin(caller.UserId) != true)
        {
            return AdminErrors.NotAllowed("create teams");
        }

        if (await CheckAsync(f, organization, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var now = _time.GetUtcNow();
        var members = new List<TeamMember>();
        foreach (var member in f.MembersWithRoles ?? [])
        {
            if (member is null || string.IsNullOrEmpty(member.UserId) || member.Role is not (null or Roles.TeamAdmin or Roles.TeamMember))
            {
                return Error.Validation("Each of 'members_with_roles' needs a 'user_id' and a 'role' of 'admin' or 'user'.", "members_with_roles");
            }

            members.Add(member with { Role = member.Role ?? Roles.TeamMember });
        }

        var team = Apply(new TeamInfo { TeamId = f.TeamId ?? Guid.NewGuid().ToString(), CreatedAt = now }, f, now) with { MembersWithRoles = members };
        if (!await _teams.InsertAsync(team, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict($"Team '{team.TeamId}' already exists.");
        }

        foreach (var member in members)
        {
            await EnsureUserAsync(member.UserId!, now, cancellationToken).ConfigureAwait(false);
            await _teams.UpsertMemberAsync(team.TeamId, member.UserId!, member.Role!, cancellationToken).ConfigureAwait(false);
        }

        return team;
    }

    public async Task<Result<TeamInfo>> Handle(UpdateTeamCommand request, CancellationToken cancellationToken)
    {
        var f = request.Fields;
        var team = await _teams.FindAsync(f.TeamId!, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return AdminErrors.TeamNotFound(f.TeamId!);
        }

        var organization = await OrganizationOfAsync(f.OrganizationId ?? team.OrganizationId, cancellationToken).ConfigureAwait(false);
        if (f.OrganizationId is { } newOrganization && organization is null)
        {
            return AdminErrors.OrganizationNotFound(newOrganization);
        }

        var caller = request.Caller;
        var managesTeam = caller.IsAdmin || organization?.IsAdmin(caller.UserId) == true;
        var onlyNameAndMetadata = f.Models is null && f.MaxBudget is null && f.SoftBudget is null && f.BudgetDuration is null
            && f.BudgetId is null && f.TpmLimit is null && f.RpmLimit is null && f.MaxParallelRequests is null
            && f.Blocked is null && f.OrganizationId is null;
        if (!managesTeam && !(onlyNameAndMetadata && IsTeamAdmin(caller, team)))
        {
            return AdminErrors.NotAllowed("change this team");
        }

        if (f.OrganizationId is not null && !caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("move a team to another organization");
        }

        if (await CheckAsync(f, organization, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var updated = Apply(team, f, _time.GetUtcNow());
        await _teams.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.TeamChangedAsync(team.TeamId, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<Result<TeamDetails>> Handle(GetTeamInfoQuery request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.TeamId))
        {
            return Error.Missing("team_id");
        }

        var team = await _teams.FindAsync(request.TeamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return AdminErrors.TeamNotFound(request.TeamId);
        }

        var caller = request.Caller;
        if (!caller.ReadsEverything && !team.IsMember(caller.UserId) && !await IsOrganizationAdminAsync(caller, team, cancellationToken).ConfigureAwait(false))
        {
            return AdminErrors.NotAllowed("see this team");
        }

        var (keys, _) = await _keys.ListAsync(new KeyQuery { TeamId = team.TeamId, PageSize = 1000 }, cancellationToken).ConfigureAwait(false);
        return new TeamDetails(team, keys);
    }

    public async Task<Result<IReadOnlyList<TeamInfo>>> Handle(ListTeamsQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (caller.ReadsEverything)
        {
            return Result<IReadOnlyList<TeamInfo>>.Success(await _teams.ListAsync(request.OrganizationId, null, cancellationToken).ConfigureAwait(false));
        }

        if (caller.UserId is null)
        {
            return Result<IReadOnlyList<TeamInfo>>.Success([]);
        }

        var mine = await _teams.ListAsync(request.OrganizationId, caller.UserId, cancellationToken).ConfigureAwait(false);
        var administered = (await _organizations.ListAsync(caller.UserId, cancellationToken).ConfigureAwait(false))
            .Where(o => o.IsAdmin(caller.UserId) && (request.OrganizationId is null || o.OrganizationId == request.OrganizationId));
        var all = new List<TeamInfo>(mine);
        foreach (var organization in administered)
        {
            all.AddRange(await _teams.ListAsync(organization.OrganizationId, null, cancellationToken).ConfigureAwait(false));
        }

        return all.DistinctBy(t => t.TeamId).ToList();
    }

    public async Task<Result<IReadOnlyList<string>>> Handle(DeleteTeamsCommand request, CancellationToken cancellationToken)
    {
        foreach (var teamId in request.TeamIds!)
        {
            var team = await _teams.FindAsync(teamId, cancellationToken).ConfigureAwait(false);
            if (team is null)
            {
                return AdminErrors.TeamNotFound(teamId);
            }

            if (!request.Caller.IsAdmin && !await IsOrganizationAdminAsync(request.Caller, team, cancellationToken).ConfigureAwait(false))
            {
                return AdminErrors.NotAllowed("delete teams");
            }
        }

        var keys = await _teams.DeleteAsync(request.TeamIds!, cancellationToken).ConfigureAwait(false);
        await _notifier.KeysChangedAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var teamId in request.TeamIds!)
        {
            await _notifier.TeamChangedAsync(teamId, cancellationToken).ConfigureAwait(false);
        }

        return Result<IReadOnlyList<string>>.Success(request.TeamIds!);
    }

    public async Task<Result<TeamInfo>> Handle(AddTeamMembersCommand request, CancellationToken cancellationToken)
    {
        var found = await FindForMembersAsync(request.TeamId!, request.Caller, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found;
        }

        var now = _time.GetUtcNow();
        foreach (var member in request.Members!)
        {
            if (member.Role == Roles.TeamAdmin && !request.Caller.IsAdmin && !found.Value.IsAdmin(request.Caller.UserId)
                && !await IsOrganizationAdminAsync(request.Caller, found.Value, cancellationToken).ConfigureAwait(false))
            {
                return AdminErrors.NotAllowed("make team admins");
            }

            await EnsureUserAsync(member.UserId!, now, cancellationToken).ConfigureAwait(false);
            await _teams.UpsertMemberAsync(found.Value.TeamId, member.UserId!, member.Role ?? Roles.TeamMember, cancellationToken).ConfigureAwait(false);
        }

        return (await _teams.FindAsync(found.Value.TeamId, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<Result<TeamInfo>> Handle(RemoveTeamMemberCommand request, CancellationToken cancellationToken)
    {
        var found = await FindForMembersAsync(request.TeamId!, request.Caller, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found;
        }

        if (!await _teams.RemoveMemberAsync(found.Value.TeamId, request.UserId!, cancellationToken).ConfigureAwait(false))
        {
            return Error.NotFound("member_not_found", $"User '{request.UserId}' is not a member of team '{request.TeamId}'.");
        }

        return (await _teams.FindAsync(found.Value.TeamId, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<Result<TeamInfo>> Handle(SetTeamBlockedCommand request, CancellationToken cancellationToken)
    {
        var team = await _teams.FindAsync(request.TeamId!, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return AdminErrors.TeamNotFound(request.TeamId!);
        }

        if (!request.Caller.IsAdmin && !await IsOrganizationAdminAsync(request.Caller, team, cancellationToken).ConfigureAwait(false))
        {
            return AdminErrors.NotAllowed(request.Blocked ? "block teams" : "unblock teams");
        }

        var updated = team with { Blocked = request.Blocked, UpdatedAt = _time.GetUtcNow() };
        await _teams.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.TeamChangedAsync(team.TeamId, cancellationToken).ConfigureAwait(false);
        return updated;
    }


    private static bool IsTeamAdmin(CallerIdentity caller, TeamInfo team) =>
        caller.Role != Roles.InternalUserViewer && team.IsAdmin(caller.UserId);

    private static TeamInfo Apply(TeamInfo t, TeamFields f, DateTimeOffset now) => t with
    {
        TeamAlias = f.TeamAlias ?? t.TeamAlias,
        OrganizationId = f.OrganizationId ?? t.OrganizationId,
        Models = f.Models ?? t.Models,
        MaxBudget = f.MaxBudget ?? t.MaxBudget,
        SoftBudget = f.SoftBudget ?? t.SoftBudget,
        BudgetDuration = f.BudgetDuration ?? t.BudgetDuration,
        BudgetId = f.BudgetId ?? t.BudgetId,
        TpmLimit = f.TpmLimit ?? t.TpmLimit,
        RpmLimit = f.RpmLimit ?? t.RpmLimit,
        MaxParallelRequests = f.MaxParallelRequests ?? t.MaxParallelRequests,
        Blocked = f.Blocked ?? t.Blocked,
        Metadata = f.Metadata ?? t.Metadata,
        UpdatedAt = now,
    };

    private async Task<Result<TeamInfo>> FindForMembersAsync(string teamId, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var team = await _teams.FindAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return AdminErrors.TeamNotFound(teamId);
        }

        return caller.IsAdmin || IsTeamAdmin(caller, team) || await IsOrganizationAdminAsync(caller, team, cancellationToken).ConfigureAwait(false)
            ? team
            : AdminErrors.NotAllowed("change this team's members");
    }

    private async Task<bool> IsOrganizationAdminAsync(CallerIdentity caller, TeamInfo team, CancellationToken cancellationToken) =>
        caller.Role != Roles.InternalUserViewer
        && (await OrganizationOfAsync(team.OrganizationId, cancellationToken).ConfigureAwait(false))?.IsAdmin(caller.UserId) == true;

    private async Task<OrganizationInfo?> OrganizationOfAsync(string? organizationId, CancellationToken cancellationToken) =>
        organizationId is null ? null : await _organizations.FindAsync(organizationId, cancellationToken).ConfigureAwait(false);

    private async Task EnsureUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await _users.FindAsync(userId, cancellationToken).ConfigureAwait(false) is null)
        {
            await _users.InsertAsync(new UserInfo { UserId = userId, CreatedAt = now, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Error?> CheckAsync(TeamFields f, OrganizationInfo? organization, CancellationToken cancellationToken)
    {
        if (f.TeamId is { Length: 0 })
        {
            return Error.Validation("'team_id' cannot be empty.", "team_id");
        }

        if (LimitRules.Check(f.MaxBudget, f.SoftBudget, f.BudgetDuration, f.TpmLimit, f.RpmLimit, f.MaxParallelRequests) is { } invalid)
        {
            return invalid;
        }

        if (f.BudgetId is { } budgetId && await _budgets.FindAsync(budgetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AdminErrors.BudgetNotFound(budgetId);
        }

        if (organization is not null && f.Models is not null && !LimitRules.IsSubset(f.Models, organization.Models))
        {
            return Error.Forbidden("A team cannot be given models its organization may not use.");
        }

        if (organization?.MaxBudget is { } ceiling && f.MaxBudget > ceiling)
        {
            return Error.Forbidden($"A team's max_budget cannot exceed its organization's max_budget ({ceiling}).");
        }

        return null;
    }
}

using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Application.Billing.Budgets;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>The organization use cases: admins create and delete; organization admins manage; members and viewers read.</summary>
internal sealed class OrganizationHandler :
    IRequestHandler<CreateOrganizationCommand, Result<OrganizationInfo>>,
    IRequestHandler<UpdateOrganizationCommand, Result<OrganizationInfo>>,
    IRequestHandler<GetOrganizationInfoQuery, Result<OrganizationInfo>>,
    IRequestHandler<ListOrganizationsQuery, Result<IReadOnlyList<OrganizationInfo>>>,
    IRequestHandler<DeleteOrganizationsCommand, Result<IReadOnlyList<string>>>,
    IRequestHandler<AddOrganizationMembersCommand, Result<OrganizationInfo>>,
    IRequestHandler<RemoveOrganizationMemberCommand, Result<OrganizationInfo>>
{
    private readonly IOrganizationStore _organizations;
    private readonly IUserStore _users;
    private readonly IBudgetStore _budgets;
    private readonly IAccessChangeNotifier _notifier;
    private readonly TimeProvider _time;

    public OrganizationHandler(IOrganizationStore organizations, IUserStore users, IBudgetStore budgets, IAccessChangeNotifier notifier, TimeProvider time)
    {
        _organizations = organizations;
        _users = users;
        _budgets = budgets;
        _notifier = notifier;
        _time = time;
    }

    public async Task<Result<OrganizationInfo>> Handle(CreateOrganizationCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("create organizations");
        }

        if (await CheckAsync(request.Fields, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var now = _time.GetUtcNow();
        var organization = Apply(
            new OrganizationInfo
            {
                OrganizationId = request.Fields.OrganizationId ?? Guid.NewGuid().ToString(),
                OrganizationAlias = request.Fields.OrganizationAlias!,
                CreatedAt = now,
            },
            request.Fields,
            now);
        if (await _organizations.FindAsync(organization.OrganizationId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return Error.Conflict($"Organization '{organization.OrganizationId}' already exists.");
        }

        await _organizations.InsertAsync(organization, cancellationToken).ConfigureAwait(false);
        return organization;
    }

    public async Task<Result<OrganizationInfo>> Handle(UpdateOrganizationCommand request, CancellationToken cancellationToken)
    {
        var found = await FindManagedAsync(request.Fields.OrganizationId!, request.Caller, "change this organization", cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found;
        }

        var f = request.Fields;
        var raises = f.Models is not null || f.MaxBudget is not null || f.TpmLimit is not null || f.RpmLimit is not null
            || f.MaxParallelRequests is not null || f.BudgetId is not null;
        if (raises && !request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("change an organization's models, budget or limits");
        }

        if (await CheckAsync(f, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var updated = Apply(found.Value, f, _time.GetUtcNow());
        await _organizations.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<Result<OrganizationInfo>> Handle(GetOrganizationInfoQuery request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.OrganizationId))
        {
            return Error.Missing("organization_id");
        }

        var organization = await _organizations.FindAsync(request.OrganizationId, cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            return AdminErrors.OrganizationNotFound(request.OrganizationId);
        }

        var caller = request.Caller;
        return caller.ReadsEverything || organization.IsMember(caller.UserId)
            ? organization
            : AdminErrors.NotAllowed("see this organization");
    }

    public async Task<Result<IReadOnlyList<OrganizationInfo>>> Handle(ListOrganizationsQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (caller.ReadsEverything)
        {
            return Result<IReadOnlyList<OrganizationInfo>>.Success(await _organizations.ListAsync(null, cancellationToken).ConfigureAwait(false));
        }

        return caller.UserId is null
            ? Result<IReadOnlyList<OrganizationInfo>>.Success([])
            : Result<IReadOnlyList<OrganizationInfo>>.Success(await _organizations.ListAsync(caller.UserId, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Result<IReadOnlyList<string>>> Handle(DeleteOrganizationsCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("delete organizations");
        }

        foreach (var organizationId in request.OrganizationIds!)
        {
            if (await _organizations.FindAsync(organizationId, cancellationToken).ConfigureAwait(false) is null)
            {
                return AdminErrors.OrganizationNotFound(organizationId);
            }
        }

        await _organizations.DeleteAsync(request.OrganizationIds!, cancellationToken).ConfigureAwait(false);
        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<string>>.Success(request.OrganizationIds!);
    }

    public async Task<Result<OrganizationInfo>> Handle(AddOrganizationMembersCommand request, CancellationToken cancellationToken)
    {
        var found = await FindManagedAsync(request.OrganizationId!, request.Caller, "change this organization's members", cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found;
        }

        var now = _time.GetUtcNow();
        foreach (var member in request.Members!)
        {
            if (await _users.FindAsync(member.UserId!, cancellationToken).ConfigureAwait(false) is null)
            {
                await _users.InsertAsync(new UserInfo { UserId = member.UserId!, UserEmail = member.UserEmail, CreatedAt = now, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
            }

            await _organizations.UpsertMemberAsync(found.Value.OrganizationId, member.UserId!, member.Role ?? Roles.InternalUser, cancellationToken).ConfigureAwait(false);
        }

        return (await _organizations.FindAsync(found.Value.OrganizationId, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<Result<OrganizationInfo>> Handle(RemoveOrganizationMemberCommand request, CancellationToken cancellationToken)
    {
        var found = await FindManagedAsync(request.OrganizationId!, request.Caller, "change this organization's members", cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found;
        }

        if (!await _organizations.RemoveMemberAsync(found.Value.OrganizationId, request.UserId!, cancellationToken).ConfigureAwait(false))
        {
            return Error.NotFound("member_not_found", $"User '{request.UserId}' is not a member of organization '{request.OrganizationId}'.");
        }

        return (await _organizations.FindAsync(found.Value.OrganizationId, cancellationToken).ConfigureAwait(false))!;
    }

    private static OrganizationInfo Apply(OrganizationInfo o, OrganizationFields f, DateTimeOffset now) => o with
    {
        OrganizationAlias = f.OrganizationAlias ?? o.OrganizationAlias,
        Models = f.Models ?? o.Models,
        MaxBudget = f.MaxBudget ?? o.MaxBudget,
        SoftBudget = f.SoftBudget ?? o.SoftBudget,
        BudgetDuration = f.BudgetDuration ?? o.BudgetDuration,
        BudgetId = f.BudgetId ?? o.BudgetId,
        TpmLimit = f.TpmLimit ?? o.TpmLimit,
        RpmLimit = f.RpmLimit ?? o.RpmLimit,
        MaxParallelRequests = f.MaxParallelRequests ?? o.MaxParallelRequests,
        Metadata = f.Metadata ?? o.Metadata,
        UpdatedAt = now,
    };

    private async Task<Result<OrganizationInfo>> FindManagedAsync(string organizationId, CallerIdentity caller, string what, CancellationToken cancellationToken)
    {
        var organization = await _organizations.FindAsync(organizationId, cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            return AdminErrors.OrganizationNotFound(organizationId);
        }

        var manages = caller.IsAdmin || (caller.Role != Roles.InternalUserViewer && organization.IsAdmin(caller.UserId));
        return manages ? organization : AdminErrors.NotAllowed(what);
    }

    private async Task<Error?> CheckAsync(OrganizationFields f, CancellationToken cancellationToken)
    {
        if (f.OrganizationAlias is { Length: 0 })
        {
            return Error.Validation("'organization_alias' cannot be empty.", "organization_alias");
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

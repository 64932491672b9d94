using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>The access-group use cases: admins manage, viewers read. A change reaches cached keys on every node.</summary>
internal sealed class AccessGroupHandler :
    IRequestHandler<SaveAccessGroupCommand, Result<AccessGroupInfo>>,
    IRequestHandler<GetAccessGroupQuery, Result<IReadOnlyList<AccessGroupInfo>>>,
    IRequestHandler<DeleteAccessGroupCommand, Result<string>>
{
    private readonly IAccessGroupStore _groups;
    private readonly IAccessChangeNotifier _notifier;
    private readonly TimeProvider _time;

    public AccessGroupHandler(IAccessGroupStore groups, IAccessChangeNotifier notifier, TimeProvider time)
    {
        _groups = groups;
        _notifier = notifier;
        _time = time;
    }

    public async Task<Result<AccessGroupInfo>> Handle(SaveAccessGroupCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("manage model access groups");
        }

        var now = _time.GetUtcNow();
        var existing = await _groups.FindAsync(request.Name!, cancellationToken).ConfigureAwait(false);
        var models = request.Models?.Distinct(StringComparer.Ordinal).ToList();
        var details = request.Details ?? new AccessGroupDetails();
        if (request.IsNew)
        {
            var group = new AccessGroupInfo
            {
                AccessGroup = request.Name!,
                Models = models ?? [],
                DisplayName = details.DisplayName,
                Description = details.Description,
                Status = details.Status ?? AccessGroupDetails.Active,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (existing is not null || !await _groups.InsertAsync(group, cancellationToken).ConfigureAwait(false))
            {
                return Error.Conflict($"Access group '{request.Name}' already exists.");
            }

            await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
            return group;
        }

        if (existing is null)
        {
            return NotFound(request.Name!);
        }

        var updated = existing with
        {
            Models = models ?? existing.Models,
            DisplayName = details.DisplayName ?? existing.DisplayName,
            Description = details.Description ?? existing.Description,
            Status = details.Status ?? existing.Status,
            UpdatedAt = now,
        };
        await _groups.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<Result<IReadOnlyList<AccessGroupInfo>>> Handle(GetAccessGroupQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.ReadsEverything)
        {
            return AdminErrors.NotAllowed("see model access groups");
        }

        if (string.IsNullOrEmpty(request.Name))
        {
            return Result<IReadOnlyList<AccessGroupInfo>>.Success(await _groups.ListAsync(cancellationToken).ConfigureAwait(false));
        }

        var group = await _groups.FindAsync(request.Name, cancellationToken).ConfigureAwait(false);
        return group is null ? NotFound(request.Name) : Result<IReadOnlyList<AccessGroupInfo>>.Success([group]);
    }

    public async Task<Result<string>> Handle(DeleteAccessGroupCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("manage model access groups");
        }

        if (!await _groups.DeleteAsync(request.Name!, cancellationToken).ConfigureAwait(false))
        {
            return NotFound(request.Name!);
        }

        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return request.Name!;
    }

    private static Error NotFound(string name) => Error.NotFound("access_group_not_found", $"Access group '{name}' does not exist.");
}

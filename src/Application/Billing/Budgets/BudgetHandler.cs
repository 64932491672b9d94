using LlmPlatform.Application.Access;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary>The shared-budget use cases: admins manage, viewers read.</summary>
internal sealed class BudgetHandler :
    IRequestHandler<CreateBudgetCommand, Result<BudgetInfo>>,
    IRequestHandler<UpdateBudgetCommand, Result<BudgetInfo>>,
    IRequestHandler<GetBudgetQuery, Result<BudgetInfo>>,
    IRequestHandler<ListBudgetsQuery, Result<IReadOnlyList<BudgetInfo>>>,
    IRequestHandler<DeleteBudgetCommand, Result<string>>
{
    private readonly IBudgetStore _budgets;
    private readonly IAccessChangeNotifier _notifier;
    private readonly TimeProvider _time;

    public BudgetHandler(IBudgetStore budgets, IAccessChangeNotifier notifier, TimeProvider time)
    {
        _budgets = budgets;
        _notifier = notifier;
        _time = time;
    }

    public async Task<Result<BudgetInfo>> Handle(CreateBudgetCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("create budgets");
        }

        if (Check(request.Fields) is { } invalid)
        {
            return invalid;
        }

        var now = _time.GetUtcNow();
        var budget = Apply(new BudgetInfo { BudgetId = request.Fields.BudgetId ?? Guid.NewGuid().ToString(), CreatedBy = request.Caller.UserId, CreatedAt = now }, request.Fields, now);
        return await _budgets.InsertAsync(budget, cancellationToken).ConfigureAwait(false)
            ? budget
            : Error.Conflict($"Budget '{budget.BudgetId}' already exists.");
    }

    public async Task<Result<BudgetInfo>> Handle(UpdateBudgetCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("change budgets");
        }

        var existing = await _budgets.FindAsync(request.Fields.BudgetId!, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return AdminErrors.BudgetNotFound(request.Fields.BudgetId!);
        }

        if (Check(request.Fields) is { } invalid)
        {
            return invalid;
        }

        var updated = Apply(existing, request.Fields, _time.GetUtcNow());
        await _budgets.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<Result<BudgetInfo>> Handle(GetBudgetQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.ReadsEverything)
        {
            return AdminErrors.NotAllowed("see budgets");
        }

        if (string.IsNullOrEmpty(request.BudgetId))
        {
            return Error.Missing("budget_id");
        }

        var budget = await _budgets.FindAsync(request.BudgetId, cancellationToken).ConfigureAwait(false);
        return budget is null ? AdminErrors.BudgetNotFound(request.BudgetId) : budget;
    }

    public async Task<Result<IReadOnlyList<BudgetInfo>>> Handle(ListBudgetsQuery request, CancellationToken cancellationToken) =>
        request.Caller.ReadsEverything
            ? Result<IReadOnlyList<BudgetInfo>>.Success(await _budgets.ListAsync(cancellationToken).ConfigureAwait(false))
            : AdminErrors.NotAllowed("list budgets");

    public async Task<Result<string>> Handle(DeleteBudgetCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("delete budgets");
        }

        if (!await _budgets.DeleteAsync(request.BudgetId!, cancellationToken).ConfigureAwait(false))
        {
            return AdminErrors.BudgetNotFound(request.BudgetId!);
        }

        await _notifier.EverythingChangedAsync(cancellationToken).ConfigureAwait(false);
        return request.BudgetId!;
    }


    private static Error? Check(BudgetFields f)
    {
        if (f.BudgetId is { Length: 0 })
        {
            return Error.Validation("'budget_id' cannot be empty.", "budget_id");
        }

        if (LimitRules.Check(f.MaxBudget, f.SoftBudget, f.BudgetDuration, f.TpmLimit, f.RpmLimit, f.MaxParallelRequests) is { } invalid)
        {
            return invalid;
        }

        return f.ModelMaxBudget is null ? null : ModelBudgets.Parse(f.ModelMaxBudget).Error;
    }

    private static BudgetInfo Apply(BudgetInfo b, BudgetFields f, DateTimeOffset now) => b with
    {
        MaxBudget = f.MaxBudget ?? b.MaxBudget,
        SoftBudget = f.SoftBudget ?? b.SoftBudget,
        BudgetDuration = f.BudgetDuration ?? b.BudgetDuration,
        TpmLimit = f.TpmLimit ?? b.TpmLimit,
        RpmLimit = f.RpmLimit ?? b.RpmLimit,
        MaxParallelRequests = f.MaxParallelRequests ?? b.MaxParallelRequests,
        ModelMaxBudget = f.ModelMaxBudget ?? b.ModelMaxBudget,
        UpdatedAt = now,
    };
}

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary>Shared budgets in the system of record.</summary>
public interface IBudgetStore
{
    Task<bool> InsertAsync(BudgetInfo budget, CancellationToken cancellationToken);

    Task<BudgetInfo?> FindAsync(string budgetId, CancellationToken cancellationToken);

    Task UpdateAsync(BudgetInfo budget, CancellationToken cancellationToken);

    Task<IReadOnlyList<BudgetInfo>> ListAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string budgetId, CancellationToken cancellationToken);
}

using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Common.Messaging;

/// <summary>A request that changes state; the transaction and idempotency behaviours apply to these only.</summary>
public interface ICommand<TValue> : IRequest<Result<TValue>>
{
}

using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Common.Messaging;

/// <summary>A request that only reads.</summary>
public interface IQuery<TValue> : IRequest<Result<TValue>>
{
}

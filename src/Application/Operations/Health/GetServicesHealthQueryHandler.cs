using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Health;

internal sealed class GetServicesHealthQueryHandler : IRequestHandler<GetServicesHealthQuery, Result<IReadOnlyList<ServiceHealth>>>
{
    private readonly IEnumerable<IHealthProbe> _probes;

    public GetServicesHealthQueryHandler(IEnumerable<IHealthProbe> probes)
    {
        _probes = probes;
    }

    public async Task<Result<IReadOnlyList<ServiceHealth>>> Handle(GetServicesHealthQuery request, CancellationToken cancellationToken)
    {
        var tasks = _probes.Select(p => p.CheckAsync(cancellationToken)).ToArray();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        IReadOnlyList<ServiceHealth> all = results.SelectMany(r => r).ToList();
        return Result<IReadOnlyList<ServiceHealth>>.Success(all);
    }
}

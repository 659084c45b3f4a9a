using System.Reflection;

namespace DealPipeline.Api.Application;

/// <summary>
/// MediatR 5.1 has no DI package here: the mediator, every handler and the pipeline behaviors
/// are registered by hand. Behaviors run in registration order, the first outermost:
/// logging, then validation, then the transaction, then the audit row (inside the transaction).
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddApplication(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuditBehavior<,>));

        var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }).ToList();
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(contract, type);
            }
        }

        // A validator of T also validates every request that is a T (IValidator<in T>), so that
        // shared rules (paging, deal filters, deal fields) are written once.
        var requests = types.Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))).ToList();
        foreach (var validator in types.Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>)))
        {
            var validated = validator.BaseType!.GetGenericArguments()[0];
            services.AddScoped(typeof(IValidator<>).MakeGenericType(validated), validator);
            foreach (var request in requests.Where(r => r != validated && validated.IsAssignableFrom(r)))
            {
                services.AddScoped(typeof(IValidator<>).MakeGenericType(request), validator);
            }
        }

        return services;
    }
}

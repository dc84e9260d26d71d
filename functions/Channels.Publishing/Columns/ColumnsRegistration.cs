using Channels.Publishing.Api;
using Channels.Publishing.Office;
using Channels.Publishing.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Channels.Publishing.Columns;

/// <summary>The column catalogue, its API, the office's identity and the region's calendar, with the start-up check.</summary>
public static class ColumnsRegistration
{
    public static IServiceCollection AddColumnCatalogue(this IServiceCollection services)
    {
        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ColumnCatalogue>();
        services.AddSingleton<HolidayCalendar>();
        services.AddSingleton<ColumnsApi>();
        services.AddHostedService<OfficeIdentityCheck>();
        return services;
    }
}

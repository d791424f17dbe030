# FunnelPlotR 0.6.0's own functions on the real A&E data for March 2019: the reference that
# ../funnelplotr-parity.spec.ts compares the TypeScript funnel with. Not run by the tests; kept so the
# figures in march-2019.csv can be made again.
#
#   Rscript march-2019.R <FunnelPlotR's R/ folder> <the data folder holding ae_attendances.csv>
#
# The R/ folder is nhs-r-community/FunnelPlotR at commit 9020d49 (version 0.6.0, the last commit of the
# 0.6.0 release). Only base R is needed: the package's internal functions are sourced as they are and
# called in the order funnel_plot() calls them for data_type = "PR" with the defaults (trim_by = 0.1,
# multiplier = 1). Made with R 4.2.2.
args <- commandArgs(trailingOnly = TRUE)
for (f in list.files(args[1], pattern = "^(od_adjustment|calculate_limits|build_limits_lookup|aggregate_func|outliers_func)\\.R$", full.names = TRUE)) source(f)
f17 <- function(x) sprintf("%.17g", x)

# AE_4HR_ALL as the API stores it: per NHS trust (ODS code R + two letters or digits) and month, all
# department types summed, numerator = attendances - breaches, denominator = attendances.
ae <- read.csv(file.path(args[2], "ae_attendances.csv"), stringsAsFactors = FALSE)
m <- ae[ae$period == "2019-03-01" & grepl("^R[A-Z0-9]{2}$", ae$org_code), ]
agg <- aggregate(cbind(attendances, breaches) ~ org_code, data = m, FUN = sum)
agg <- agg[agg$attendances > 0, ]

mod_plot_agg <- aggregate_func(data.frame(numerator = agg$attendances - agg$breaches, denominator = agg$attendances, group = as.factor(agg$org_code)))
target <- sum(mod_plot_agg$numerator) / sum(mod_plot_agg$denominator)
mod_plot_agg <- transformed_zscore(mod_plot_agg, data_type = "PR")
mod_plot_agg <- winsorisation(mod_plot_agg, trim_by = 0.1)
n <- as.numeric(sum(!is.na(mod_plot_agg$Wuzscore)))
phi <- phi_func(n = n, zscores = na.omit(mod_plot_agg$Wuzscore))
tau2 <- tau_func(n = n, phi = phi, S = mod_plot_agg[!is.na(mod_plot_agg$Wuzscore), ]$s)
limits <- build_limits_lookup(min_x = 1, max_x = max(mod_plot_agg$denominator), min_y = 0, max_y = 1, denominators = mod_plot_agg$denominator,
                              draw_adjusted = TRUE, tau2 = tau2, data_type = "PR", sr_method = "SHMI", target = target, multiplier = 1)
d <- merge(mod_plot_agg[, -grep("\\bs\\b", colnames(mod_plot_agg))], limits, by.x = "denominator", by.y = "number_seq")
d <- d[order(d$group), ]
outside <- function(lower, upper) sum(outliers_func(data.frame(rr = d$rr, LCL99 = lower, UCL99 = upper), FALSE, TRUE, 99, 1)$outlier)

cat("# providers", nrow(d), "target", f17(target), "phi", f17(phi), "tau2", f17(tau2),
    "lowerZ", f17(quantile(mod_plot_agg$Uzscore, 0.1)), "upperZ", f17(quantile(mod_plot_agg$Uzscore, 0.9)),
    "outside998", outside(d$ll998, d$ul998), "outside998adjusted", outside(d$odll998, d$odul998), "\n", sep = " ")
write.csv(data.frame(code = d$group, numerator = d$numerator, denominator = d$denominator, z = f17(d$Uzscore),
                     lower95 = f17(d$ll95), upper95 = f17(d$ul95), lower998 = f17(d$ll998), upper998 = f17(d$ul998),
                     adjustedLower95 = f17(d$odll95), adjustedUpper95 = f17(d$odul95), adjustedLower998 = f17(d$odll998), adjustedUpper998 = f17(d$odul998)),
          row.names = FALSE, quote = FALSE)

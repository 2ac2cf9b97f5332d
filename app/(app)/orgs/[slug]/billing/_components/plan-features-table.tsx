import { CheckIcon, MinusIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { FEATURE_DESCRIPTIONS, FEATURES, FREE_PROJECT_LIMIT, PLANS } from "@/server/billing/plans";

/** What each plan unlocks: the same table the server checks (server/billing/plans.ts). */
export function PlanFeaturesTable({ currentPlan }: { currentPlan: string | null }) {
  return (
    <div className="rounded-lg border bg-card text-card-foreground shadow-xs">
      <Table>
        <TableCaption className="sr-only">What each plan unlocks</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Feature</TableHead>
            {PLANS.map((plan) => (
              <TableHead key={plan.slug}>
                <span className="inline-flex items-center gap-2">
                  {plan.name}
                  {plan.slug === currentPlan && <Badge variant="secondary">yours</Badge>}
                </span>
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>Projects</TableCell>
            {PLANS.map((plan) => (
              <TableCell key={plan.slug}>
                {plan.features.includes("unlimited_projects") ? "Unlimited" : `Up to ${FREE_PROJECT_LIMIT}`}
              </TableCell>
            ))}
          </TableRow>
          {FEATURES.filter((feature) => feature !== "unlimited_projects").map((feature) => (
            <TableRow key={feature}>
              <TableCell className="min-w-48 whitespace-normal">{FEATURE_DESCRIPTIONS[feature]}</TableCell>
              {PLANS.map((plan) => (
                <TableCell key={plan.slug}>
                  {plan.features.includes(feature) ? (
                    <CheckIcon className="size-4 text-success" role="img" aria-label="Included" />
                  ) : (
                    <MinusIcon
                      className="size-4 text-muted-foreground"
                      role="img"
                      aria-label="Not included"
                    />
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

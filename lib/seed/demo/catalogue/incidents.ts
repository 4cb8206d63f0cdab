/** The demo's incident categories per partner type: titles, root causes, resolutions and costs per affected customer. */
import type { PartnerType } from "@/generated/prisma/client";

export type CategorySpec = {
  category: string;
  titles: string[];
  rootCauses: string[];
  resolutions: string[];
  /** Cost per affected customer: refunds, reshipment, credits, handling. */
  cost: [number, number, number, number];
};

export const INCIDENT_CATEGORIES: Record<PartnerType, CategorySpec[]> = {
  DELIVERY: [
    {
      category: "Late delivery",
      titles: [
        "Delivery arrived outside the booked window",
        "Customer waited all day for a delivery",
        "Delivery rescheduled on the day",
      ],
      rootCauses: [
        "Route overbooked on a peak day",
        "Vehicle breakdown on the route",
        "Dispatcher missed the time-window constraint",
      ],
      resolutions: [
        "Apologised, credited the delivery fee and capped daily drops per crew",
        "Re-planned the route and added a standby vehicle",
      ],
      cost: [0, 0, 25, 15],
    },
    {
      category: "Damaged item",
      titles: ["Appliance damaged in transit", "Fridge door dented on delivery", "Washing machine drum damaged"],
      rootCauses: ["Load not strapped in the van", "Unit dropped on the stairs", "Packaging removed too early"],
      resolutions: [
        "Replacement delivered and crew retrained on handling",
        "Refunded the customer and claimed from the carrier's insurance",
      ],
      cost: [180, 120, 20, 30],
    },
    {
      category: "Missed delivery",
      titles: ["Crew did not show up", "Delivery marked as done but never arrived"],
      rootCauses: ["Crew sick, no cover arranged", "Wrong address in the driver app"],
      resolutions: [
        "Redelivered next morning with a goodwill credit",
        "Fixed address sync between our OMS and the partner app",
      ],
      cost: [0, 60, 30, 15],
    },
    {
      category: "Old appliance not taken",
      titles: ["Haul-away of the old appliance not done"],
      rootCauses: ["Haul-away flag not passed to the crew"],
      resolutions: ["Second visit scheduled to collect the old unit"],
      cost: [0, 40, 10, 10],
    },
  ],
  INSTALLER: [
    {
      category: "Faulty installation",
      titles: [
        "Dishwasher leaking after installation",
        "Oven not connected to the right circuit",
        "Washer not levelled, walks during spin",
      ],
      rootCauses: ["Inlet hose not tightened", "Installer skipped the final test run", "Wrong fitting kit used"],
      resolutions: [
        "Technician revisited and fixed the connection; checklist made mandatory",
        "Repaired and added a photo of the final test to the job report",
      ],
      cost: [0, 0, 50, 45],
    },
    {
      category: "Installer no-show",
      titles: ["Installer did not arrive", "Installation cancelled without notice"],
      rootCauses: ["Double-booked technician", "Job lost in the scheduling hand-off"],
      resolutions: ["Rebooked for the next day and credited the installation fee"],
      cost: [0, 0, 40, 15],
    },
    {
      category: "Property damage",
      titles: ["Floor scratched during installation", "Worktop chipped while fitting a hob"],
      rootCauses: ["Appliance slid without floor protection", "Wrong tool used on stone worktop"],
      resolutions: ["Damage repaired at the partner's cost and floor protection made standard"],
      cost: [220, 0, 50, 40],
    },
  ],
  RESELLER: [
    {
      category: "Pricing error",
      titles: ["Listed price did not match checkout", "Promotion not applied at checkout"],
      rootCauses: ["Price feed updated late", "Promotion code expired early in the partner system"],
      resolutions: ["Refunded the difference and moved the price feed to hourly"],
      cost: [45, 0, 10, 10],
    },
    {
      category: "Order not processed",
      titles: ["Order stuck without confirmation", "Order confirmed but never passed on"],
      rootCauses: ["Integration queue stalled", "Manual review backlog"],
      resolutions: ["Reprocessed the orders and added queue monitoring"],
      cost: [0, 0, 20, 15],
    },
    {
      category: "Misleading product information",
      titles: ["Wrong dimensions on listing", "Energy rating shown incorrectly"],
      rootCauses: ["Outdated product content", "Copy error in the listing template"],
      resolutions: ["Corrected the listing and accepted the return"],
      cost: [120, 60, 0, 20],
    },
  ],
  RETAILER: [
    {
      category: "Stock unavailable",
      titles: ["Item sold in store was not in stock", "Display model sold as new stock"],
      rootCauses: ["Stock count out of date", "Store system not synced with the warehouse"],
      resolutions: ["Sourced from another store and credited the wait"],
      cost: [0, 30, 30, 10],
    },
    {
      category: "Poor in-store service",
      titles: ["Customer complained about staff behaviour", "No one available to help in the appliance aisle"],
      rootCauses: ["Understaffed weekend shift", "New staff not yet trained"],
      resolutions: ["Store manager called the customer; staffing plan adjusted"],
      cost: [0, 0, 20, 10],
    },
    {
      category: "Checkout error",
      titles: ["Customer charged twice at the till", "Extended warranty added without consent"],
      rootCauses: ["Payment terminal timeout", "Till default not reset"],
      resolutions: ["Refunded the duplicate charge and updated the till settings"],
      cost: [90, 0, 10, 10],
    },
  ],
  SERVICE: [
    {
      category: "Long wait time",
      titles: ["Customer waited over 40 minutes on the advice line", "Chat queue abandoned at peak"],
      rootCauses: ["Forecast missed a promotion peak", "Agents pulled onto another client's queue"],
      resolutions: ["Staffing forecast now includes the promotion calendar"],
      cost: [0, 0, 10, 10],
    },
    {
      category: "Repair not fixed",
      titles: ["Repair visit did not fix the fault", "Wrong spare part brought to the repair"],
      rootCauses: ["Diagnosis by phone was wrong", "Parts catalogue out of date"],
      resolutions: ["Second visit with the right part; remote diagnosis script updated"],
      cost: [0, 0, 60, 50],
    },
    {
      category: "Wrong advice",
      titles: ["Customer advised a model that does not fit", "Incorrect warranty information given"],
      rootCauses: ["Agent knowledge base outdated", "Script missing the fit check"],
      resolutions: ["Exchanged the product and updated the knowledge base"],
      cost: [110, 50, 0, 20],
    },
  ],
  HOST: [
    {
      category: "Event cancelled",
      titles: ["Demo event cancelled at short notice"],
      rootCauses: ["Venue double-booked"],
      resolutions: ["Guests re-invited with a voucher"],
      cost: [0, 0, 15, 10],
    },
    {
      category: "Venue not ready",
      titles: ["Demo kitchen not set up on arrival", "Appliances on display not working at the event"],
      rootCauses: ["Set-up crew arrived late", "Power not connected to the demo island"],
      resolutions: ["Set-up checklist signed off an hour before doors open"],
      cost: [0, 0, 10, 20],
    },
  ],
  CURBSIDE: [
    {
      category: "Order not ready",
      titles: ["Order not ready at pickup time", "Locker code did not work"],
      rootCauses: ["Picking backlog", "Locker firmware bug"],
      resolutions: ["Order handed over with a credit; locker firmware updated"],
      cost: [0, 0, 15, 10],
    },
    {
      category: "Wrong order handed over",
      titles: ["Customer received someone else's order"],
      rootCauses: ["Labels swapped at picking"],
      resolutions: ["Orders swapped back; scan-at-handover enforced"],
      cost: [0, 40, 10, 15],
    },
  ],
  OTHER: [
    {
      category: "Service failure",
      titles: ["Service not delivered as promised"],
      rootCauses: ["Process not followed"],
      resolutions: ["Process retrained"],
      cost: [0, 0, 20, 10],
    },
  ],
};

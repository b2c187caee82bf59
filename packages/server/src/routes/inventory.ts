import {
  ComponentCreateSchema,
  ComponentListQuerySchema,
  ComponentPatchSchema,
  ComponentSchema,
  SystemCreateSchema,
  SystemListQuerySchema,
  SystemPatchSchema,
  SystemSchema,
  VendorCreateSchema,
  VendorPatchSchema,
  VendorSchema,
} from "@caio/core";
import { z } from "@hono/zod-openapi";
import { crudRoutes } from "./crud.js";

export const systemRoutes = () =>
  crudRoutes({
    path: "systems",
    entityType: "system",
    label: "AI system",
    schema: SystemSchema,
    createSchema: SystemCreateSchema,
    patchSchema: SystemPatchSchema,
    listQuery: SystemListQuerySchema,
    repo: (c) => c.var.deps.store.systems,
  });

export const componentRoutes = () =>
  crudRoutes({
    path: "components",
    entityType: "component",
    label: "component",
    schema: ComponentSchema,
    createSchema: ComponentCreateSchema,
    patchSchema: ComponentPatchSchema,
    listQuery: ComponentListQuerySchema,
    repo: (c) => c.var.deps.store.components,
  });

export const VendorListQuerySchema = z.object({ q: z.string().max(200).optional() }).strict();

export const vendorRoutes = () =>
  crudRoutes({
    path: "vendors",
    entityType: "vendor",
    label: "vendor",
    schema: VendorSchema,
    createSchema: VendorCreateSchema,
    patchSchema: VendorPatchSchema,
    listQuery: VendorListQuerySchema,
    repo: (c) => c.var.deps.store.vendors,
  });

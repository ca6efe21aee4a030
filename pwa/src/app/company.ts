// The company's contact details. The API does not expose them yet, so the office
// phone comes from the build (VITE_OFFICE_PHONE, E.164); screens word themselves
// without a number when it is not set.
export const officePhone: string | undefined = import.meta.env.VITE_OFFICE_PHONE || undefined;

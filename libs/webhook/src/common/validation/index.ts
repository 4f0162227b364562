export { validateDto } from './validate-dto';
export { dtoClassOf, WebhookBody } from './webhook-body';
export type { DtoClass } from './webhook-body';
export { BooleanField, EnumField, IntegerField, NumberField, ObjectListField, RejectedElements, RejectedValue, TextField, TextListField, TimeField } from './webhook-field.decorators';

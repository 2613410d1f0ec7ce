/** The folder a person's uploads go to (the upload route and `wx.cloud.uploadFile` alike). */
export const ownFolder = (personId: string) => `uploads/${personId}/`;
